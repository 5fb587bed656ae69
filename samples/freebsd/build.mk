# build.mk — settings for the FreeBSD samples (see samples/samples.mk).
# Sources that are portable C: also built natively as linux/fbsd-NAME.
PORTABLE_FBSD := hello
# Extra libraries for the native (glibc) builds.
FBSD_LIBS_NATIVE :=
