# info.sh — `xeno info` facts checked against binutils (objdump for PE,
# readelf for ELF) on a mingw .exe, a Go .exe, a Go FreeBSD ELF, a
# freestanding FreeBSD ELF and a Linux ELF.
. tests/lib.sh
OBJDUMP=x86_64-w64-mingw32-objdump

field() { # field NAME < info output
    sed -n "s|^$1: *||p" | head -1
}

# hexnorm: read lines of numbers (hex with 0x or decimal), print decimal
hexnorm() {
    while read -r a b c d; do
        echo "$((a)) $((b)) $((c)) $((d))"
    done
}

check_pe() {
    f=$1 tag=$2
    $XENO info "$f" > $TMP/info || { fail "$tag: info failed" "$(cat $TMP/info)"; return; }
    $OBJDUMP -p "$f" > $TMP/od
    base=$(sed -n 's/^ImageBase[[:space:]]*//p' $TMP/od)
    ep=$(sed -n 's/^AddressOfEntryPoint[[:space:]]*//p' $TMP/od)
    t_eq "$tag: image base" "$(printf '0x%x' 0x$base)" "$(field 'image base' < $TMP/info)"
    t_eq "$tag: entry" "$(printf '0x%x' $((0x$base + 0x$ep)))" "$(field entry < $TMP/info)"
    sub=$(sed -n 's/^Subsystem[[:space:]]*0*\([0-9a-f]*\).*/\1/p' $TMP/od)
    t_match "$tag: subsystem" "\\($((0x$sub))\\)" "$(field os/abi < $TMP/info)"
    # sections: name and address
    $OBJDUMP -h "$f" | awk '$1 ~ /^[0-9]+$/ { print $2, "0x" $4 }' > $TMP/sect.want
    sed -n '/^sections:/,/^imports:/p' $TMP/info | awk 'NR > 2 && $1 != "imports:" { print $1, $2 }' > $TMP/sect.got
    t_eq "$tag: sections" "$(sort $TMP/sect.want)" "$(sort $TMP/sect.got)"
    # imports: DLL and function names
    $BUILD/tests/peimports "$f" | sort -u > $TMP/imp.want
    awk '/^imports:/ { on = 1; next } /^exports:/ { on = 0 }
         on && /^  [^ ]/ { dll = $1 } on && /^    / { print dll, $1 }' $TMP/info | sort -u > $TMP/imp.got
    t_eq "$tag: imports" "$(cat $TMP/imp.want)" "$(cat $TMP/imp.got)"
}

check_elf() {
    f=$1 tag=$2 os=$3
    $XENO info "$f" > $TMP/info || { fail "$tag: info failed" "$(cat $TMP/info)"; return; }
    ep=$(readelf -h "$f" | sed -n 's/.*Entry point address:[[:space:]]*//p')
    t_eq "$tag: entry" "$ep" "$(field entry < $TMP/info)"
    t_match "$tag: os" "^$os " "$(field os/abi < $TMP/info)"
    readelf -lW "$f" | awk '$1 == "LOAD" { print $2, $3, $5, $6 }' | hexnorm > $TMP/load.want
    awk '$1 == "LOAD" { print $2, $3, $4, $5 }' $TMP/info | hexnorm > $TMP/load.got
    t_eq "$tag: LOAD segments" "$(cat $TMP/load.want)" "$(cat $TMP/load.got)"
    interp=$(readelf -lW "$f" | sed -n 's/.*Requesting program interpreter: \(.*\)]/\1/p')
    t_eq "$tag: interpreter" "${interp:-none (statically linked)}" "$(field interpreter < $TMP/info)"
    needed=$(readelf -dW "$f" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | paste -sd, | sed 's/,/, /g')
    t_eq "$tag: needed" "${needed:-none}" "$(field needed < $TMP/info)"
}

check_pe $S/windows/hello.exe "mingw hello.exe"
check_pe $S/windows/hello-ucrt.exe "mingw UCRT hello.exe"
check_pe $S/go/hello.exe "Go hello.exe"
check_elf $S/go/hello-freebsd "Go FreeBSD ELF" FreeBSD
check_elf $S/freebsd/hello "FreeBSD C ELF" FreeBSD
check_elf $S/linux/win-hello "Linux ELF" Linux
check_elf /bin/ls "Linux /bin/ls" Linux
t_match "PE personality" "win64" "$($XENO info $S/windows/hello.exe | field personality)"
t_match "FreeBSD personality" "freebsd" "$($XENO info $S/freebsd/hello | field personality)"
