# build.mk — settings for the Windows samples (see samples/samples.mk).
# Sources that are portable C: also built natively as linux/win-NAME.
PORTABLE_WIN := hello args env stdiofile printf scanf crtfmt stdlibfn strfn \
                timefn mathfn exitcode wc posixio
# Extra libraries for every Windows sample.
WIN_LIBS := -lshell32 -ldbghelp
