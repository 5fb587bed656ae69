/* msgflags.c — the MSG_* flags of send and receive calls: Windows'
 * values and the host's (MSG_WAITALL is 8 there, 0x100 here). */
#include "ws.h"

static const struct { DWORD win; int host; } msgmap[] = {
    { WS_MSG_OOB, MSG_OOB }, { WS_MSG_PEEK, MSG_PEEK },
    { WS_MSG_DONTROUTE, MSG_DONTROUTE }, { WS_MSG_WAITALL, MSG_WAITALL },
    { WS_MSG_PARTIAL, 0 },
};

/* Windows flags → host; bits Winsock does not define give WSAEOPNOTSUPP. */
int ws_msg_to_host(DWORD wflags, int *hflags)
{
    int h = 0;
    for (size_t i = 0; i < sizeof msgmap / sizeof msgmap[0]; i++)
        if (wflags & msgmap[i].win) {
            h |= msgmap[i].host;
            wflags &= ~msgmap[i].win;
        }
    *hflags = h;
    return wflags ? WSAEOPNOTSUPP : 0;
}
