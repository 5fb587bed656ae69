#!/bin/sh
# seeds.sh — generate the fuzzers' seed inputs from built samples and the
# malformed corpus (never committed). Usage: tests/fuzz/seeds.sh BUILD
#   seeds/pe        Windows samples and DLLs, stripped (smaller inputs fuzz
#                   faster), one unstripped (COFF long section names), and
#                   the corpus's pe-* files; for fuzz_pe_info and fuzz_pe_map
#   seeds/pe_relocs their relocation data in synthetic images (reloc_seed)
#   seeds/elf       FreeBSD samples (symbols kept: they anchor the syscall
#                   prediction), two Linux samples, gowrap, corpus elf-*
# Inputs over 512 KiB (Go programs, static C++) are left out: they make a
# run take seconds.
set -eu
B=$1
S=$B/samples
D=$B/fuzz/seeds
MAX=524288
rm -rf "$D"
mkdir -p "$D/pe" "$D/pe_relocs" "$D/elf"

small() { [ "$(wc -c < "$1")" -le $MAX ]; }

for f in "$S"/windows/*.exe "$S"/windows/dyn/*.dll "$B"/tests/win/*.exe; do
    [ -f "$f" ] || continue
    out=$D/pe/$(basename "$f")
    x86_64-w64-mingw32-strip -o "$out" "$f" 2>/dev/null || cp "$f" "$out"
    small "$out" || rm -f "$out"
done
cp "$S/windows/hello-ucrt.exe" "$D/pe/hello-ucrt-unstripped.exe"
"$B/fuzz/reloc_seed" "$D/pe_relocs" "$D"/pe/*

for f in "$S"/freebsd/* "$S/linux/fbsd-hello" "$S/linux/win-args" "$B/fuzz/gowrap"; do
    [ -f "$f" ] && small "$f" && cp "$f" "$D/elf/"
done

for f in "$B"/corpus/pe-* "$B"/corpus/elf-*; do
    case $(basename "$f") in
        pe-*) cp "$f" "$D/pe/corpus-$(basename "$f")" ;;
        elf-*) cp "$f" "$D/elf/corpus-$(basename "$f")" ;;
    esac
done
for d in pe pe_relocs elf; do
    echo "fuzz seeds: $(ls "$D/$d" | wc -l) in $D/$d"
done
