/* mswsock.c — mswsock.dll: the Microsoft Winsock extensions that
 * programs import by name rather than look up through WSAIoctl. They
 * are implemented with the rest of Winsock (ws2_32/extensions.c). */
#include "../ws2_32/ws.h"

W32_EXPORTS(mswsock) = {
    EXPORT_AS("AcceptEx", ws_AcceptEx, "qqpuuupp:i"),
    EXPORT_AS("GetAcceptExSockaddrs", ws_GetAcceptExSockaddrs, "puuupppp:v"),
    EXPORT_AS("TransmitFile", ws_TransmitFile, "qhuuppu:i"),
};
