/*
 * The ESP32-P4 board (hardware-notes.md, "Native component"). NOT BUILT IN THIS REPOSITORY: compiled only by the
 * ESP-IDF (ESP_PLATFORM), as part of the nanoFramework firmware image; on the Linux host it compiles to nothing.
 *
 * Monotonic timer: esp_timer_get_time (microseconds since boot). Random source: esp_fill_random, the hardware RNG,
 * which is a true random source only while the RF subsystem or the bootloader's entropy source runs (ESP-IDF's
 * "Random Number Generation"); the image enables the latter at boot. Real-time clock: an offset over the timer; the
 * driver of the battery-backed RTC chip on I2C (its time and "time lost" flag) is not written yet, so after every
 * boot the clock reads as not set, which the core signals and records through. Camera: the MIPI-CSI capture, ISP and H.264 encoder
 * component is not written yet, so every camera call reports BODYCAM_E_NOT_SUPPORTED (NotSupportedException).
 */
#if defined(ESP_PLATFORM)

#include <string.h>

#include <esp_random.h>
#include <esp_timer.h>

#include "bodycam_board.h"

static int s_rtc_set;
static int64_t s_rtc_offset_ms;

int64_t bodycam_board_monotonic_us(void)
{
    return esp_timer_get_time();
}

int bodycam_board_rtc_is_set(void)
{
    return s_rtc_set;
}

int64_t bodycam_board_rtc_read_ms(void)
{
    return esp_timer_get_time() / 1000 + s_rtc_offset_ms;
}

bodycam_status bodycam_board_rtc_set(int64_t unix_ms)
{
    s_rtc_offset_ms = unix_ms - esp_timer_get_time() / 1000;
    s_rtc_set = 1;
    return BODYCAM_OK;
}

bodycam_status bodycam_board_random_fill(uint8_t *buffer, size_t len)
{
    esp_fill_random(buffer, len);
    return BODYCAM_OK;
}

bodycam_status bodycam_board_ephemeral_key(uint8_t *scalar)
{
    return bodycam_board_random_fill(scalar, 32);
}

bodycam_status bodycam_board_camera_configure(int32_t width, int32_t height, int32_t fps, int32_t bps, int32_t gop)
{
    (void)width;
    (void)height;
    (void)fps;
    (void)bps;
    (void)gop;
    return BODYCAM_E_NOT_SUPPORTED;
}

bodycam_status bodycam_board_camera_start(void)
{
    return BODYCAM_E_NOT_SUPPORTED;
}

bodycam_status bodycam_board_camera_stop(void)
{
    return BODYCAM_E_NOT_SUPPORTED;
}

bodycam_status bodycam_board_camera_request_key_frame(void)
{
    /* The capture component will force an IDR picture on the P4's H.264 encoder (hardware-notes.md). */
    return BODYCAM_E_NOT_SUPPORTED;
}

bodycam_status bodycam_board_camera_read(uint8_t *buffer, size_t capacity, int32_t *header, int *read)
{
    (void)buffer;
    (void)capacity;
    (void)header;
    *read = 0;
    return BODYCAM_E_NOT_SUPPORTED;
}

bodycam_status bodycam_board_camera_dropped(int64_t *count)
{
    *count = 0;
    return BODYCAM_E_NOT_SUPPORTED;
}

#endif /* ESP_PLATFORM */
