/*
 * Status codes of the native component's C functions (firmware/native/README.md, "C interface").
 * The interop glue (../interop) turns each into the managed exception named here.
 */
#ifndef BODYCAM_STATUS_H
#define BODYCAM_STATUS_H

#ifdef __cplusplus
extern "C" {
#endif

typedef enum
{
    BODYCAM_OK = 0,
    /* a size that the operation does not take (key, nonce, output length): ArgumentException */
    BODYCAM_E_ARGUMENT = 1,
    /* an offset or count outside its buffer: ArgumentOutOfRangeException */
    BODYCAM_E_RANGE = 2,
    /* called in a state that does not allow it (no identity key, SHA-256 not begun): InvalidOperationException */
    BODYCAM_E_STATE = 3,
    /* the library reported a failure it should not have (out of memory, hardware fault): Exception */
    BODYCAM_E_LIBRARY = 4,
    /* not available on this board (camera capture in the device image): NotSupportedException */
    BODYCAM_E_NOT_SUPPORTED = 5,
    /* the random source or a host file failed: Exception */
    BODYCAM_E_IO = 6
} bodycam_status;

#ifdef __cplusplus
}
#endif

#endif /* BODYCAM_STATUS_H */
