# binfmt.sh — `xeno binfmt`: the registration lines written to a stand-in
# binfmt_misc directory, the not-mounted error, and (as root, where
# binfmt_misc can be mounted) a real registration round trip.
. tests/lib.sh

fake=$TMP/binfmt
mkdir -p $fake
: > $fake/register
XENO_BINFMT_DIR=$fake t_rc "install into stand-in dir" 0 $XENO binfmt install
t_match "PE rule written" "^:xeno-pe:M::MZ::/.*/xeno:" "$(head -c 200 $fake/register)"
XENO_BINFMT_DIR=$TMP/none t_rc "status without binfmt_misc" 1 $XENO binfmt status
t_match "clear not-mounted error" "binfmt_misc is not mounted at $TMP/none" "$(cat $TMP/err)"
t_rc "bad subcommand" 2 $XENO binfmt frob

real=/proc/sys/fs/binfmt_misc
if [ "$(id -u)" = 0 ] && { [ -e $real/register ] || mount -t binfmt_misc binfmt_misc $real 2>/dev/null; }; then
    had=$( [ -e $real/xeno-pe ] && echo yes )
    t_rc "real install" 0 $XENO binfmt install
    t_rc "real status" 0 $XENO binfmt status
    t_match "status shows PE rule" "^xeno-pe +registered" "$(cat $TMP/out)"
    t_match "status shows FreeBSD rule" "^xeno-freebsd +registered" "$(cat $TMP/out)"
    cp $S/windows/hello.exe $S/freebsd/hello $TMP/ && chmod +x $TMP/hello.exe $TMP/hello
    t_rc "a .exe runs directly through binfmt_misc" 4 $TMP/hello.exe 4
    t_match "its output" "^hello from a Windows-built program" "$(cat $TMP/out)"
    t_rc "a FreeBSD program runs directly through binfmt_misc" 6 $TMP/hello 6
    t_match "its output" "^hello from a FreeBSD-built program" "$(cat $TMP/out)"
    [ -n "$had" ] || { t_rc "real uninstall" 0 $XENO binfmt uninstall
        t_rc "status after uninstall" 0 $XENO binfmt status
        t_match "rules gone" "^xeno-pe +not registered" "$(cat $TMP/out)"; }
else
    echo "note: binfmt_misc not available here; real registration not tested"
fi
