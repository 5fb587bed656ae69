# build.mk — settings for the Windows samples (see samples/samples.mk).
# Sources that are portable C: also built natively as linux/win-NAME.
PORTABLE_WIN := hello args env stdiofile printf scanf crtfmt stdlibfn strfn \
                timefn mathfn exitcode wc posixio
# Extra libraries for every Windows sample.
WIN_LIBS := -lshell32 -ldbghelp

# A DLL of the program's own, next to the program that imports it.
$(SAMPLES)/windows/greet.dll: samples/windows/dll/greet.c | $(SAMPLES_STAMP)
	@mkdir -p $(dir $@)
	$(MINGW_CC) $(WIN_CFLAGS) -shared -o $@ $<
$(SAMPLES)/windows/usedll.exe: samples/windows/dll/usedll.c $(SAMPLES)/windows/greet.dll
	$(MINGW_CC) $(WIN_CFLAGS) -o $@ $< $(SAMPLES)/windows/greet.dll
# The C++ exceptions sample linked against the toolchain's DLLs, which are
# copied next to it (as a program built this way ships them).
MINGW_DLLDIR = $(dir $(shell $(MINGW_CXX) -print-libgcc-file-name 2>/dev/null))
$(SAMPLES)/windows/dyn/cxxexc.exe: samples/windows/cxxexc.cpp | $(SAMPLES_STAMP)
	@mkdir -p $(dir $@)
	$(MINGW_CXX) $(WIN_CFLAGS) -o $@ $<
	cp $(MINGW_DLLDIR)libstdc++-6.dll $(MINGW_DLLDIR)libgcc_s_seh-1.dll $(dir $@)
samples: $(SAMPLES)/windows/usedll.exe $(SAMPLES)/windows/dyn/cxxexc.exe
# The Winsock sample imports ws2_32.dll and mswsock.dll.
$(SAMPLES)/windows/sockets.exe $(SAMPLES)/windows/sockets-ucrt.exe: WIN_LIBS += -lws2_32 -lmswsock
