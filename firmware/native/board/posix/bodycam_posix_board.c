/*
 * The posix board (firmware/native/README.md, "Boards"): the Linux host nanoCLR runs on stands in for the ESP32-P4.
 * Monotonic timer: clock_gettime(CLOCK_MONOTONIC). Real-time clock: an offset over that timer, unset at start.
 * Random source: getrandom(2), or a seeded SHA-256 counter stream (mbedTLS) for reproducible runs. Camera: replay of
 * a frame file read into memory. The whole file compiles to nothing in the ESP-IDF build.
 */
#if !defined(ESP_PLATFORM)

#define _GNU_SOURCE
#include "bodycam_posix_board.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include <mbedtls/platform_util.h>
#include <mbedtls/sha256.h>
#include <mbedtls/version.h>

#include "bodycam_board.h"
#include "bodycam_crypto.h"

#if MBEDTLS_VERSION_MAJOR < 3
#define BODYCAM_SHA256_ONESHOT mbedtls_sha256_ret
#else
#define BODYCAM_SHA256_ONESHOT mbedtls_sha256
#endif

/* ── monotonic timer and real-time clock ─────────────────────────────────────────────────────────────────────── */

static int s_rtc_set;
static int64_t s_rtc_offset_ms;

int64_t bodycam_board_monotonic_us(void)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    return (int64_t)now.tv_sec * 1000000 + now.tv_nsec / 1000;
}

int bodycam_board_rtc_is_set(void)
{
    return s_rtc_set;
}

int64_t bodycam_board_rtc_read_ms(void)
{
    return bodycam_board_monotonic_us() / 1000 + s_rtc_offset_ms;
}

bodycam_status bodycam_board_rtc_set(int64_t unix_ms)
{
    s_rtc_offset_ms = unix_ms - bodycam_board_monotonic_us() / 1000;
    s_rtc_set = 1;
    return BODYCAM_OK;
}

void bodycam_posix_lose_rtc(void)
{
    s_rtc_set = 0;
    s_rtc_offset_ms = 0;
}

/* ── random source ───────────────────────────────────────────────────────────────────────────────────────────── */

static int s_seeded;
static uint8_t s_seed_input[BODYCAM_POSIX_SEED_MAX + 8];
static size_t s_seed_len;
static uint64_t s_counter;
static uint8_t s_block[32];
static size_t s_used = sizeof s_block;

static uint8_t s_next_ephemeral[32];
static int s_has_next_ephemeral;

bodycam_status bodycam_posix_seed_random(const uint8_t *seed, size_t len)
{
    if (len == 0 || len > BODYCAM_POSIX_SEED_MAX)
    {
        return BODYCAM_E_ARGUMENT;
    }

    bodycam_posix_use_system_random();
    memcpy(s_seed_input, seed, len);
    s_seed_len = len;
    s_seeded = 1;
    return BODYCAM_OK;
}

void bodycam_posix_use_system_random(void)
{
    mbedtls_platform_zeroize(s_seed_input, sizeof s_seed_input);
    mbedtls_platform_zeroize(s_block, sizeof s_block);
    s_seed_len = 0;
    s_counter = 0;
    s_used = sizeof s_block;
    s_seeded = 0;
}

static bodycam_status next_block(void)
{
    /* block i = SHA-256(seed || i as 8 bytes big-endian): the emulator's SimulatedRandom, byte for byte */
    for (int i = 0; i < 8; i++)
    {
        s_seed_input[s_seed_len + i] = (uint8_t)(s_counter >> (56 - 8 * i));
    }

    s_counter++;
    if (BODYCAM_SHA256_ONESHOT(s_seed_input, s_seed_len + 8, s_block, 0) != 0)
    {
        return BODYCAM_E_LIBRARY;
    }

    s_used = 0;
    return BODYCAM_OK;
}

bodycam_status bodycam_board_random_fill(uint8_t *buffer, size_t len)
{
    if (s_seeded)
    {
        for (size_t i = 0; i < len; i++)
        {
            if (s_used == sizeof s_block)
            {
                bodycam_status status = next_block();
                if (status != BODYCAM_OK)
                {
                    return status;
                }
            }

            buffer[i] = s_block[s_used++];
        }

        return BODYCAM_OK;
    }

    size_t done = 0;
    while (done < len)
    {
        ssize_t got = getrandom(buffer + done, len - done, 0);
        if (got < 0)
        {
            if (errno == EINTR)
            {
                continue;
            }

            return BODYCAM_E_IO;
        }

        done += (size_t)got;
    }

    return BODYCAM_OK;
}

void bodycam_posix_use_next_ephemeral(const uint8_t *scalar)
{
    memcpy(s_next_ephemeral, scalar, sizeof s_next_ephemeral);
    s_has_next_ephemeral = 1;
}

bodycam_status bodycam_board_ephemeral_key(uint8_t *scalar)
{
    if (s_has_next_ephemeral)
    {
        memcpy(scalar, s_next_ephemeral, sizeof s_next_ephemeral);
        mbedtls_platform_zeroize(s_next_ephemeral, sizeof s_next_ephemeral);
        s_has_next_ephemeral = 0;
        return BODYCAM_OK;
    }

    return bodycam_board_random_fill(scalar, 32);
}

/* ── camera replay ───────────────────────────────────────────────────────────────────────────────────────────── */

/* File layout (README, "Camera replay"): "BCFRAMES" then per frame a 16-byte header and the payload. */
static const char s_magic[8] = {'B', 'C', 'F', 'R', 'A', 'M', 'E', 'S'};
#define FRAME_HEADER_SIZE 16

static uint8_t *s_replay;
static size_t s_replay_size;
static size_t s_replay_position;
static int s_camera_running;
static int64_t s_camera_start_ms;
static int64_t s_dropped;

static uint32_t read_u32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static int64_t read_i64(const uint8_t *p)
{
    return (int64_t)((uint64_t)read_u32(p) | ((uint64_t)read_u32(p + 4) << 32));
}

bodycam_status bodycam_posix_camera_open(const char *path, int32_t *frames)
{
    FILE *file = fopen(path, "rb");
    long size;
    uint8_t *data;
    size_t position = sizeof s_magic;
    int32_t count = 0;

    if (file == NULL)
    {
        return BODYCAM_E_IO;
    }

    if (fseek(file, 0, SEEK_END) != 0 || (size = ftell(file)) < 0 || fseek(file, 0, SEEK_SET) != 0)
    {
        fclose(file);
        return BODYCAM_E_IO;
    }

    data = (uint8_t *)malloc(size > 0 ? (size_t)size : 1);
    if (data == NULL || fread(data, 1, (size_t)size, file) != (size_t)size)
    {
        free(data);
        fclose(file);
        return BODYCAM_E_IO;
    }

    fclose(file);

    /* Validate the whole file first: a replay either loads completely or not at all. */
    if ((size_t)size < sizeof s_magic || memcmp(data, s_magic, sizeof s_magic) != 0)
    {
        free(data);
        return BODYCAM_E_ARGUMENT;
    }

    while (position < (size_t)size)
    {
        uint32_t length;

        if ((size_t)size - position < FRAME_HEADER_SIZE)
        {
            free(data);
            return BODYCAM_E_ARGUMENT;
        }

        length = read_u32(data + position + 4);
        if ((data[position] != 1 && data[position] != 2) || data[position + 1] > 1 || data[position + 2] != 0 ||
            data[position + 3] != 0 ||
            (size_t)size - position - FRAME_HEADER_SIZE < length)
        {
            free(data);
            return BODYCAM_E_ARGUMENT;
        }

        position += FRAME_HEADER_SIZE + length;
        count++;
    }

    bodycam_posix_camera_close();
    s_replay = data;
    s_replay_size = (size_t)size;
    s_replay_position = sizeof s_magic;
    *frames = count;
    return BODYCAM_OK;
}

void bodycam_posix_camera_close(void)
{
    free(s_replay);
    s_replay = NULL;
    s_replay_size = 0;
    s_replay_position = 0;
    s_camera_running = 0;
}

bodycam_status bodycam_board_camera_configure(int32_t width, int32_t height, int32_t fps, int32_t bps, int32_t gop)
{
    /* The replayed frames are already encoded; the settings only have to be valid. */
    if (width <= 0 || height <= 0 || fps <= 0 || bps <= 0 || gop <= 0)
    {
        return BODYCAM_E_ARGUMENT;
    }

    return BODYCAM_OK;
}

bodycam_status bodycam_board_camera_start(void)
{
    s_camera_running = 1;
    s_camera_start_ms = bodycam_board_monotonic_us() / 1000;
    s_replay_position = sizeof s_magic;
    return BODYCAM_OK;
}

bodycam_status bodycam_board_camera_stop(void)
{
    s_camera_running = 0;
    return BODYCAM_OK;
}

bodycam_status bodycam_board_camera_request_key_frame(void)
{
    /* The replayed frames were encoded beforehand: nothing to force; the file's cadence is kept (README, "Camera
     * replay"), and the core waits for the file's next key frame when its pre-record holds none. */
    return BODYCAM_OK;
}

bodycam_status bodycam_board_camera_read(uint8_t *buffer, size_t capacity, int32_t *header, int *read)
{
    *read = 0;
    while (s_camera_running && s_replay != NULL && s_replay_position < s_replay_size)
    {
        const uint8_t *frame = s_replay + s_replay_position;
        uint32_t length = read_u32(frame + 4);
        int64_t offset_ms = read_i64(frame + 8);
        int64_t at_ms = s_camera_start_ms + offset_ms;

        if (bodycam_board_monotonic_us() / 1000 < at_ms)
        {
            return BODYCAM_OK;
        }

        s_replay_position += FRAME_HEADER_SIZE + length;
        if (length > capacity)
        {
            s_dropped++;
            continue;
        }

        memcpy(buffer, frame + FRAME_HEADER_SIZE, length);
        header[0] = frame[0];
        header[1] = frame[1];
        header[2] = (int32_t)length;
        header[3] = (int32_t)((uint64_t)at_ms >> 32);
        header[4] = (int32_t)(uint32_t)at_ms;
        *read = 1;
        return BODYCAM_OK;
    }

    return BODYCAM_OK;
}

bodycam_status bodycam_board_camera_dropped(int64_t *count)
{
    *count = s_dropped;
    return BODYCAM_OK;
}

/* ── direct measurement ──────────────────────────────────────────────────────────────────────────────────────── */

bodycam_status bodycam_posix_measure_segments(
    const uint8_t *key,
    const uint8_t *nonce,
    const uint8_t *plain,
    uint8_t *record,
    size_t count,
    int32_t iterations,
    int64_t *elapsed_us)
{
    uint8_t aad[37] = {0};
    uint8_t chain[BODYCAM_SHA256_SIZE] = {0};
    int64_t start = bodycam_board_monotonic_us();

    for (int32_t i = 0; i < iterations; i++)
    {
        bodycam_status status = bodycam_aes256gcm_seal(
            key,
            BODYCAM_AES256_KEY_SIZE,
            nonce,
            BODYCAM_GCM_NONCE_SIZE,
            aad,
            sizeof aad,
            plain,
            count,
            record + 10,
            record + 10 + count);
        if (status == BODYCAM_OK)
        {
            status = bodycam_sha256_begin();
        }

        if (status == BODYCAM_OK)
        {
            status = bodycam_sha256_update(chain, sizeof chain);
        }

        if (status == BODYCAM_OK)
        {
            status = bodycam_sha256_update(record, count + 10 + BODYCAM_GCM_TAG_SIZE);
        }

        if (status == BODYCAM_OK)
        {
            status = bodycam_sha256_end(chain);
        }

        if (status != BODYCAM_OK)
        {
            return status;
        }
    }

    *elapsed_us = bodycam_board_monotonic_us() - start;
    return BODYCAM_OK;
}

#endif /* !ESP_PLATFORM */
