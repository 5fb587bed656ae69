# install.sh — `make install` honours PREFIX and DESTDIR and installs the
# binary, the preload library and the man page; `make uninstall` undoes it.
. tests/lib.sh
d=$TMP/dest
make -s install DESTDIR=$d PREFIX=/opt/x BUILD=$BUILD > $TMP/log 2>&1
t_eq "install exit" 0 $?
for f in bin/xeno lib/xeno/libxeno-preload.so share/man/man1/xeno.1; do
    t_eq "installed $f" yes "$( [ -f $d/opt/x/$f ] && echo yes )"
done
t_match "installed xeno runs" "^xeno " "$($d/opt/x/bin/xeno --version)"
t_eq "installed xeno finds its preload library" "$d/opt/x/lib/xeno/libxeno-preload.so" \
    "$(cd / && $d/opt/x/bin/xeno preload -- sh -c 'echo $LD_PRELOAD' | sed 's|/bin/\.\./|/|')"
make -s uninstall DESTDIR=$d PREFIX=/opt/x BUILD=$BUILD > $TMP/log 2>&1
t_eq "uninstall exit" 0 $?
t_eq "nothing left" "" "$(find $d -type f)"
