# build.mk — settings for the FreeBSD samples (see samples/samples.mk).
# Sources that are portable C: also built natively as linux/fbsd-NAME.
# The others (sysctl, kqueue, thr) use FreeBSD-only interfaces.
PORTABLE_FBSD := hello args files dirs procs pipes signals threads mmap segv \
                 timing tcp libc sigwaits procx
# Extra libraries for the native (glibc) builds.
FBSD_LIBS_NATIVE :=

# The FreeBSD builds see only the runtime's headers and the compiler's own
# (stddef.h, stdarg.h, stdint.h, limits.h): never the host's glibc headers.
FBSD_CFLAGS += -nostdinc -isystem $$(clang -print-resource-dir)/include

# Headers shared by the sample sources.
FBSD_SAMPLE_H := $(wildcard samples/freebsd/*.h)
$(FBSD_C:samples/freebsd/%.c=$(SAMPLES)/freebsd/%): $(FBSD_SAMPLE_H)
$(PORTABLE_FBSD:%=$(SAMPLES)/linux/fbsd-%): $(FBSD_SAMPLE_H)
$(FBSD_BINS): $(wildcard samples/freebsd/crt/*/*.h)
