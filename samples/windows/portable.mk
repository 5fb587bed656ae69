PORTABLE_WIN := hello
