# build.mk — settings for the Windows samples (see samples/samples.mk).
# Sources that are portable C: also built natively as linux/win-NAME.
PORTABLE_WIN := hello
# Extra libraries for every Windows sample.
WIN_LIBS :=
