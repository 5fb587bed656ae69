/* ws.h — what ws2_32's files share: the socket object behind a SOCKET
 * handle, the Winsock constants and structures whose Windows values or
 * layouts differ from the host's, the conversions (sockaddr, options,
 * errors) and the asynchronous I/O engine. docs/winsock.md describes
 * the design. */
#ifndef XENO_WS_H
#define XENO_WS_H

#include <sys/socket.h>
#include <sys/uio.h>

#include "../w32.h"
#include "../winerr.h"
#include "../kernel32/fileio.h"
#include "../kernel32/fileobj.h"

typedef uintptr_t SOCKET;
struct ws_socket;
#define INVALID_SOCKET (~(SOCKET)0)
#define SOCKET_ERROR (-1)

/* Windows address families (AF_INET6 is 23 there, 10 here). */
#define WS_AF_UNSPEC 0
#define WS_AF_UNIX 1
#define WS_AF_INET 2
#define WS_AF_INET6 23

/* Winsock error codes. */
#define WSAEINTR 10004
#define WSAEBADF 10009
#define WSAEACCES 10013
#define WSAEFAULT 10014
#define WSAEINVAL 10022
#define WSAEMFILE 10024
#define WSAEWOULDBLOCK 10035
#define WSAEINPROGRESS 10036
#define WSAEALREADY 10037
#define WSAENOTSOCK 10038
#define WSAEDESTADDRREQ 10039
#define WSAEMSGSIZE 10040
#define WSAEPROTOTYPE 10041
#define WSAENOPROTOOPT 10042
#define WSAEPROTONOSUPPORT 10043
#define WSAESOCKTNOSUPPORT 10044
#define WSAEOPNOTSUPP 10045
#define WSAEPFNOSUPPORT 10046
#define WSAEAFNOSUPPORT 10047
#define WSAEADDRINUSE 10048
#define WSAEADDRNOTAVAIL 10049
#define WSAENETDOWN 10050
#define WSAENETUNREACH 10051
#define WSAENETRESET 10052
#define WSAECONNABORTED 10053
#define WSAECONNRESET 10054
#define WSAENOBUFS 10055
#define WSAEISCONN 10056
#define WSAENOTCONN 10057
#define WSAESHUTDOWN 10058
#define WSAETOOMANYREFS 10059
#define WSAETIMEDOUT 10060
#define WSAECONNREFUSED 10061
#define WSAELOOP 10062
#define WSAENAMETOOLONG 10063
#define WSAEHOSTDOWN 10064
#define WSAEHOSTUNREACH 10065
#define WSAENOTEMPTY 10066
#define WSAEPROCLIM 10067
#define WSAEDQUOT 10069
#define WSAESTALE 10070
#define WSAEREMOTE 10071
#define WSASYSNOTREADY 10091
#define WSAVERNOTSUPPORTED 10092
#define WSANOTINITIALISED 10093
#define WSAEDISCON 10101
#define WSATYPE_NOT_FOUND 10109
#define WSAHOST_NOT_FOUND 11001
#define WSATRY_AGAIN 11002
#define WSANO_RECOVERY 11003
#define WSANO_DATA 11004
#define WSA_IO_PENDING ERROR_IO_PENDING
#define WSA_IO_INCOMPLETE ERROR_IO_INCOMPLETE
#define WSA_OPERATION_ABORTED ERROR_OPERATION_ABORTED
#define WSA_NOT_ENOUGH_MEMORY ERROR_NOT_ENOUGH_MEMORY

#define WSA_FLAG_OVERLAPPED 0x01
#define WSA_FLAG_NO_HANDLE_INHERIT 0x80
#define FILE_SKIP_COMPLETION_PORT_ON_SUCCESS 0x1
#define FILE_SKIP_SET_EVENT_ON_HANDLE 0x2

/* Windows MSG_* flags (MSG_WAITALL is 0x100 here). */
#define WS_MSG_OOB 0x1
#define WS_MSG_PEEK 0x2
#define WS_MSG_DONTROUTE 0x4
#define WS_MSG_WAITALL 0x8
#define WS_MSG_PARTIAL 0x8000

typedef struct { ULONG len; char *buf; } WSABUF;
typedef struct { DWORD Data1; WORD Data2, Data3; BYTE Data4[8]; } GUID;
typedef void (WINAPI *ws_completion_fn)(DWORD err, DWORD bytes, OVERLAPPED *ovl, DWORD flags);

/* The part WSAPROTOCOL_INFOA and WSAPROTOCOL_INFOW share; szProtocol
 * (char or WCHAR [256]) follows. */
typedef struct {
    DWORD dwServiceFlags1, dwServiceFlags2, dwServiceFlags3, dwServiceFlags4, dwProviderFlags;
    GUID ProviderId;
    DWORD dwCatalogEntryId;
    struct { int ChainLen; DWORD ChainEntries[7]; } ProtocolChain;
    int iVersion, iAddressFamily, iMaxSockAddr, iMinSockAddr, iSocketType, iProtocol;
    int iProtocolMaxOffset, iNetworkByteOrder, iSecurityScheme;
    DWORD dwMessageSize, dwProviderReserved;
} WS_PROTOCOL_INFO_HEAD;
/* SO_PROTOCOL_INFOA/W for socket S (protocols.c): 0 or a WSA error. */
int ws_protocol_info(struct ws_socket *s, void *out, int *len, int wide);

/* ---- the socket object (socket.c) ---- */
struct ws_op;

struct ws_socket {
    struct w32_file f;          /* first: to kernel32 a SOCKET is a file handle */
    int family, type, protocol; /* Windows values */
    unsigned slot;              /* the engine's table (async.c) */
    int nonblocking;            /* FIONBIO */
    int listening, connected;
    int connecting;             /* a non-blocking connect() is under way */
    int pending_error;          /* WSA error of a failed non-blocking connect */
    int shut_send, shut_recv;
    int udp_connreset;          /* SIO_UDP_CONNRESET (on by default) */
    int reuse, exclusive;       /* SO_REUSEADDR / SO_EXCLUSIVEADDRUSE as set */
    int sndbuf, rcvbuf;         /* as set (0: never set) */
    DWORD sndtimeo, rcvtimeo;   /* milliseconds, 0: none */
    uint64_t connect_time;      /* CLOCK_MONOTONIC seconds when connected */
    UCHAR notify;               /* SetFileCompletionNotificationModes */
    /* The engine's, under its lock: */
    struct ws_op *rq, *wq;      /* pending overlapped receives / sends */
    uint32_t armed;             /* epoll events registered */
};

/* A new SOCKET for host socket FD (taken over; made non-blocking). */
SOCKET ws_socket_new(int fd, int family, int type, int protocol, DWORD flags);
/* The socket behind S with a reference (ws_put), or NULL with
 * WSAENOTSOCK set. */
struct ws_socket *ws_get(SOCKET s);
void ws_put(struct ws_socket *s);
/* Is this kernel32 file object one of ours? */
int ws_is_socket(struct w32_file *f);
/* Set the thread's error (WSASetLastError) and return SOCKET_ERROR. */
int ws_fail(int err);
/* Has WSAStartup been called (and not undone)? */
int ws_started(void);
/* Fail with WSANOTINITIALISED unless it has. */
int ws_need_startup(void);

/* ---- conversions (sockaddr.c, errors.c, status.c, sockopt.c) ---- */
int ws_family_to_host(int wf);
int ws_family_from_host(int hf);
/* Windows sockaddr at WIN (LEN bytes) → host sockaddr: 0 or a WSA error. */
int ws_sockaddr_to_host(const void *win, int len, struct sockaddr_storage *out, socklen_t *outlen);
/* Host sockaddr → Windows at WIN, *LEN its size in, the address's size
 * out; 0 or WSAEFAULT (too small; *LEN then says how much is needed). */
int ws_sockaddr_from_host(const struct sockaddr *h, socklen_t hlen, void *win, int *len);
/* The size of a Windows sockaddr of family WF (0 if unknown). */
int ws_sockaddr_size(int wf);
/* Host errno → Winsock error. */
int ws_error_from_errno(int e);
/* Winsock (or Win32) error ↔ the NTSTATUS an OVERLAPPED carries. */
ULONG ws_status_from_error(int err);
DWORD ws_error_from_status(ULONG st);
/* Windows MSG_* → host (WSAEOPNOTSUPP for unknown bits). */
int ws_msg_to_host(DWORD wflags, int *hflags);
/* getaddrinfo's AI_* and getnameinfo's NI_* flags → host; an EAI_*
 * result → the Winsock error Windows answers (addrinfo.c). */
int ws_ai_flags_to_host(int w);
int ws_ni_flags_to_host(int w);
int ws_error_from_eai(int eai);
/* WSAPoll's POLL* values ↔ host (wsapoll.c). */
short ws_poll_to_host(SHORT w);
SHORT ws_poll_from_host(short h, SHORT asked);

struct ws_optmap {
    int wlevel, wopt;           /* Windows */
    int hlevel, hopt;           /* host; hlevel -1: handled by xeno */
    int kind;                   /* WS_OPT_* */
};
enum { WS_OPT_INT, WS_OPT_BOOL, WS_OPT_LINGER, WS_OPT_MSEC, WS_OPT_BUF, WS_OPT_SPECIAL,
       WS_OPT_SECONDS, WS_OPT_RAW };
#define WS_SOL_SOCKET 0xffff
/* The table entry for a Windows level and option, or NULL. */
const struct ws_optmap *ws_opt_find(int wlevel, int wopt);

/* ---- the asynchronous engine (async.c) ---- */
enum ws_opkind { WS_OP_RECV, WS_OP_SEND, WS_OP_ACCEPT, WS_OP_CONNECT, WS_OP_TRANSMIT };
#define WS_AGAIN (-1)
#define WS_MOVED (-2)

struct ws_op {
    struct ws_op *next;
    enum ws_opkind kind;
    int phase;                  /* ACCEPT: 1 waits for the first data; CONNECT: 1 sends */
    OVERLAPPED *ovl;            /* NULL: a synchronous call */
    struct ws_socket *sock;     /* the socket whose queue holds it */
    struct ws_socket *owner;    /* the socket it was issued on (no reference) */
    int result;                 /* when finished: 0 or a WSA error, */
    DWORD moved;                /* and the bytes moved */
    DWORD tid;                  /* issuing thread (CancelIo) */
    ws_completion_fn routine;   /* completion routine (APC), or NULL */
    struct w32_thread_obj *thread;
    struct k32_iocp *port;      /* captured at submission (reference held) */
    ULONG_PTR key;
    UCHAR notify;
    /* data */
    struct iovec *iov, iov_small[4];
    int niov;
    size_t done, total;
    int hflags;                 /* host MSG_* */
    DWORD rflags;               /* receive flags to report (MSG_PARTIAL) */
    struct sockaddr_storage addr;  /* SEND/CONNECT: destination */
    socklen_t addrlen;
    void *from;                 /* RECV: where the sender's address goes */
    int *fromlen;
    struct ws_socket *accept;   /* ACCEPT: the socket that takes the connection (ref) */
    char *abuf;
    DWORD arecv, alocal, aremote;
    struct w32_file *file;      /* TRANSMIT: the file (reference held) */
    uint64_t file_off;          /* and where it starts */
};

/* Register S with the engine (socket creation); forget it (destroy),
 * cancelling what is still pending. */
int ws_engine_add(struct ws_socket *s);
void ws_engine_remove(struct ws_socket *s);
/* A new operation of KIND on S for OVL (NULL: synchronous). */
struct ws_op *ws_op_new(struct ws_socket *s, enum ws_opkind kind, OVERLAPPED *ovl, ws_completion_fn fn);
void ws_op_free(struct ws_op *op);
/* Set OP's buffers from a WSABUF array (or one buffer). 0 or WSAEFAULT. */
int ws_op_bufs(struct ws_op *op, const WSABUF *bufs, DWORD n);
/* Start an overlapped operation: 0 when it completed at once (*BYTES
 * set, completion delivered as Windows does), WSA_IO_PENDING when it is
 * queued (the engine owns OP then), else the WSA error of an immediate
 * failure (no completion; OP freed). */
int ws_start(struct ws_op *op, DWORD *bytes);
/* Run a synchronous operation to its end, waiting (poll) in blocking
 * mode: 0 or a WSA error, *BYTES the bytes moved. Frees OP. */
int ws_run(struct ws_op *op, DWORD *bytes);
/* Cancel pending operations of S: those for OVL (NULL: all; ANY_THREAD
 * 0: only the calling thread's). Returns how many. */
int ws_cancel(struct ws_socket *s, OVERLAPPED *ovl, int any_thread);
/* The end of an overlapped operation (deliver.c): fill its OVERLAPPED
 * from op->result and op->moved, set its event, queue the completion
 * packet or the completion routine, free OP. SYNC: it finished inside
 * the call that started it (FILE_SKIP_COMPLETION_PORT_ON_SUCCESS). */
void ws_deliver(struct ws_op *op, int sync);
/* Append OP to its socket's queue and watch for it (engine lock held:
 * only from ws_attempt). */
void ws_enqueue_locked(struct ws_op *op);
/* One attempt at OP (ops.c): 0 or a WSA error when it is finished, with
 * *BYTES; WS_AGAIN if it would block; WS_MOVED if it moved to another
 * queue (AcceptEx waiting for the first data). */
int ws_attempt(struct ws_op *op, DWORD *bytes);
/* epoll events OP waits for on its socket. */
uint32_t ws_op_events(const struct ws_op *op);
/* Wait until S's descriptor has EVENTS (poll), up to MS milliseconds
 * (0: forever): 0, or WSAETIMEDOUT. */
int ws_wait_fd(struct ws_socket *s, short events, DWORD ms);

/* TransmitFile's attempt (transmit.c). */
int ws_transmit_attempt(struct ws_op *op, DWORD *bytes);

/* AcceptEx's last step: the accepted descriptor NFD becomes ACC's, the
 * addresses go to the buffer (extensions.c). 0 or a WSA error. */
int ws_accept_into(struct ws_op *op, int nfd);
void ws_accept_addresses(struct ws_op *op);

/* ---- kernel32, called by name (k32call.c) ---- */
void *ws_k32(const char *name);

/* The extension functions (extensions.c), also mswsock.dll's exports. */
BOOL WINAPI ws_AcceptEx(SOCKET ls, SOCKET as, PVOID buf, DWORD recvlen, DWORD locallen,
                        DWORD remotelen, DWORD *bytes, OVERLAPPED *ovl);
BOOL WINAPI ws_ConnectEx(SOCKET s, const void *name, int namelen, PVOID buf, DWORD len,
                         DWORD *sent, OVERLAPPED *ovl);
void WINAPI ws_GetAcceptExSockaddrs(PVOID buf, DWORD recvlen, DWORD locallen, DWORD remotelen,
                                    void **local, int *locallen_out, void **remote, int *remotelen_out);
BOOL WINAPI ws_DisconnectEx(SOCKET s, OVERLAPPED *ovl, DWORD flags, DWORD reserved);
BOOL WINAPI ws_TransmitFile(SOCKET s, HANDLE file, DWORD n, DWORD per_send, OVERLAPPED *ovl,
                            void *buffers, DWORD flags);

#endif
