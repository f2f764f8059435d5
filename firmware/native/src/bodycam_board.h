/*
 * What each board gives the native component (firmware/native/README.md, "Boards"): the monotonic timer, the
 * real-time clock, the random source, the secure element's ephemeral keys and the camera. board/posix implements it
 * for the Linux nanoCLR, board/esp32 for the ESP32-P4 image.
 */
#ifndef BODYCAM_BOARD_H
#define BODYCAM_BOARD_H

#include <stddef.h>
#include <stdint.h>

#include "bodycam_status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Number of int32 values in a camera frame header: kind, key frame flag, length, timestamp high, timestamp low. */
#define BODYCAM_FRAME_HEADER_VALUES 5

/* Microseconds since power-on from a timer that is never set and never goes back. */
int64_t bodycam_board_monotonic_us(void);

/* Whether the real-time clock holds a time (set since its backup supply was last lost). */
int bodycam_board_rtc_is_set(void);

/* Milliseconds since 1970-01-01T00:00:00Z; meaningless when the clock is not set. */
int64_t bodycam_board_rtc_read_ms(void);

/* Sets the real-time clock. */
bodycam_status bodycam_board_rtc_set(int64_t unix_ms);

/* Fills len bytes from the board's random source (BODYCAM_E_IO when it fails; then nothing may be used). */
bodycam_status bodycam_board_random_fill(uint8_t *buffer, size_t len);

/*
 * The private key of the next ephemeral X25519 agreement: 32 bytes from the random source (the posix board can
 * substitute a fixed key once, for the published vectors). The caller wipes it after use.
 */
bodycam_status bodycam_board_ephemeral_key(uint8_t *scalar);

/* Camera and encoder (NativeCamera); BODYCAM_E_NOT_SUPPORTED on a board without one. */
bodycam_status bodycam_board_camera_configure(int32_t width, int32_t height, int32_t fps, int32_t bps, int32_t gop);
bodycam_status bodycam_board_camera_start(void);
bodycam_status bodycam_board_camera_stop(void);

/*
 * Makes the encoder's next picture a key frame (an IDR access unit) and restarts the group of pictures there; returns
 * at once. Called when a recording starts. A board whose frames cannot be re-encoded (the posix replay) counts it.
 */
bodycam_status bodycam_board_camera_request_key_frame(void);

/*
 * Copies the oldest ready frame into buffer (capacity bytes) and fills header; *read is 1 when a frame was copied.
 * A frame larger than capacity is dropped and counted.
 */
bodycam_status bodycam_board_camera_read(uint8_t *buffer, size_t capacity, int32_t *header, int *read);
bodycam_status bodycam_board_camera_dropped(int64_t *count);

#ifdef __cplusplus
}
#endif

#endif /* BODYCAM_BOARD_H */
