/*
 * The posix board's own controls (managed: Bodycam.Firmware.Native.Posix.PosixBoard). Compiled only into the Linux
 * nanoCLR; the device image has none of them.
 */
#ifndef BODYCAM_POSIX_BOARD_H
#define BODYCAM_POSIX_BOARD_H

#include <stddef.h>
#include <stdint.h>

#include "bodycam_status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define BODYCAM_POSIX_SEED_MAX 64

/* Random source = SHA-256(seed || counter as 8 bytes big-endian), block after block; seed 1 to 64 bytes. */
bodycam_status bodycam_posix_seed_random(const uint8_t *seed, size_t len);

/* Random source = getrandom(2); forgets the seed. */
void bodycam_posix_use_system_random(void);

/* The next ephemeral X25519 agreement uses this 32-byte private key (once). */
void bodycam_posix_use_next_ephemeral(const uint8_t *scalar);

/* The real-time clock loses its time. */
void bodycam_posix_lose_rtc(void);

/* Loads a camera replay file (README, "Camera replay"); *frames receives its frame count. */
bodycam_status bodycam_posix_camera_open(const char *path, int32_t *frames);

/* Forgets the replay file. */
void bodycam_posix_camera_close(void);

/*
 * The recording writer's per-segment crypto in C, with the crypto engine's own functions (PosixBoard.cs,
 * MeasureDirectSegments): AES-256-GCM of count bytes of plain with 37 bytes of additional data into record + 10, the
 * tag after it, then the chain hash over the 32-byte link and the count + 26 record bytes; iterations times.
 * *elapsed_us receives the monotonic time taken.
 */
bodycam_status bodycam_posix_measure_segments(
    const uint8_t *key,
    const uint8_t *nonce,
    const uint8_t *plain,
    uint8_t *record,
    size_t count,
    int32_t iterations,
    int64_t *elapsed_us);

#ifdef __cplusplus
}
#endif

#endif /* BODYCAM_POSIX_BOARD_H */
