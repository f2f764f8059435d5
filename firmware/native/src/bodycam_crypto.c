/*
 * The crypto engine on mbedTLS and libsodium (bodycam_crypto.h). Compiled into the Linux nanoCLR against Debian's
 * libmbedtls-dev (2.28) and libsodium-dev (1.0.18), and into the ESP32-P4 image against the ESP-IDF's mbedtls
 * component (3.x, hardware AES and SHA) and its libsodium component; the two mbedTLS generations differ only in
 * the SHA-256 function names, bridged below.
 */
#include "bodycam_crypto.h"

#include <string.h>

#include <mbedtls/gcm.h>
#include <mbedtls/hkdf.h>
#include <mbedtls/md.h>
#include <mbedtls/platform_util.h>
#include <mbedtls/sha256.h>
#include <mbedtls/version.h>
#include <sodium.h>

#if MBEDTLS_VERSION_MAJOR < 3
#define BODYCAM_SHA256_STARTS mbedtls_sha256_starts_ret
#define BODYCAM_SHA256_UPDATE mbedtls_sha256_update_ret
#define BODYCAM_SHA256_FINISH mbedtls_sha256_finish_ret
#else
#define BODYCAM_SHA256_STARTS mbedtls_sha256_starts
#define BODYCAM_SHA256_UPDATE mbedtls_sha256_update
#define BODYCAM_SHA256_FINISH mbedtls_sha256_finish
#endif

/* mbedTLS wants a valid pointer even for zero-length inputs. */
static const uint8_t s_empty[1] = {0};

static mbedtls_sha256_context s_sha256;
static int s_sha256_open;

static const uint8_t *nonnull(const uint8_t *p)
{
    return p != NULL ? p : s_empty;
}

static int overlaps_partially(const uint8_t *a, const uint8_t *b, size_t len)
{
    if (len == 0 || a == b)
    {
        return 0;
    }

    return (a < b + len) && (b < a + len);
}

bodycam_status bodycam_aes256gcm_seal(
    const uint8_t *key,
    size_t key_len,
    const uint8_t *nonce,
    size_t nonce_len,
    const uint8_t *aad,
    size_t aad_len,
    const uint8_t *plaintext,
    size_t len,
    uint8_t *ciphertext,
    uint8_t *tag)
{
    mbedtls_gcm_context gcm;
    int rc;

    if (key_len != BODYCAM_AES256_KEY_SIZE || nonce_len != BODYCAM_GCM_NONCE_SIZE)
    {
        return BODYCAM_E_ARGUMENT;
    }

    if (overlaps_partially(plaintext, ciphertext, len))
    {
        return BODYCAM_E_ARGUMENT;
    }

    mbedtls_gcm_init(&gcm);
    rc = mbedtls_gcm_setkey(&gcm, MBEDTLS_CIPHER_ID_AES, key, 256);
    if (rc == 0)
    {
        rc = mbedtls_gcm_crypt_and_tag(
            &gcm,
            MBEDTLS_GCM_ENCRYPT,
            len,
            nonce,
            nonce_len,
            nonnull(aad),
            aad_len,
            nonnull(plaintext),
            len == 0 ? (uint8_t *)s_empty : ciphertext,
            BODYCAM_GCM_TAG_SIZE,
            tag);
    }

    /* mbedtls_gcm_free zeroizes the context, and with it the key schedule and the hash subkey. */
    mbedtls_gcm_free(&gcm);

#if defined(BODYCAM_FAULT_FLIP_SEALED_BYTE)
    /*
     * Fault injection for the byte-for-byte comparison's own test (firmware/native/README.md, "Showing that the
     * comparison fails"): a build with this macro changes one bit of every sealed ciphertext. Never set otherwise.
     */
    if (rc == 0 && len > 0)
    {
        ciphertext[0] ^= 0x01;
    }
#endif
    return rc == 0 ? BODYCAM_OK : BODYCAM_E_LIBRARY;
}

bodycam_status bodycam_sha256_begin(void)
{
    if (s_sha256_open)
    {
        mbedtls_sha256_free(&s_sha256);
    }

    mbedtls_sha256_init(&s_sha256);
    s_sha256_open = 1;
    if (BODYCAM_SHA256_STARTS(&s_sha256, 0) != 0)
    {
        mbedtls_sha256_free(&s_sha256);
        s_sha256_open = 0;
        return BODYCAM_E_LIBRARY;
    }

    return BODYCAM_OK;
}

bodycam_status bodycam_sha256_update(const uint8_t *data, size_t len)
{
    if (!s_sha256_open)
    {
        return BODYCAM_E_STATE;
    }

    if (len == 0)
    {
        return BODYCAM_OK;
    }

    return BODYCAM_SHA256_UPDATE(&s_sha256, data, len) == 0 ? BODYCAM_OK : BODYCAM_E_LIBRARY;
}

bodycam_status bodycam_sha256_end(uint8_t *digest)
{
    int rc;

    if (!s_sha256_open)
    {
        return BODYCAM_E_STATE;
    }

    rc = BODYCAM_SHA256_FINISH(&s_sha256, digest);
    mbedtls_sha256_free(&s_sha256);
    s_sha256_open = 0;
    return rc == 0 ? BODYCAM_OK : BODYCAM_E_LIBRARY;
}

bodycam_status bodycam_hkdf_sha256(
    const uint8_t *ikm,
    size_t ikm_len,
    const uint8_t *salt,
    size_t salt_len,
    const uint8_t *info,
    size_t info_len,
    uint8_t *out,
    size_t out_len)
{
    const mbedtls_md_info_t *sha256 = mbedtls_md_info_from_type(MBEDTLS_MD_SHA256);

    if (out_len == 0 || out_len > BODYCAM_HKDF_MAX_OUTPUT)
    {
        return BODYCAM_E_ARGUMENT;
    }

    if (sha256 == NULL)
    {
        return BODYCAM_E_LIBRARY;
    }

    /* mbedtls_hkdf wipes its pseudorandom key before returning. */
    return mbedtls_hkdf(sha256, nonnull(salt), salt_len, nonnull(ikm), ikm_len, nonnull(info), info_len, out, out_len) == 0
               ? BODYCAM_OK
               : BODYCAM_E_LIBRARY;
}

bodycam_status bodycam_ed25519_verify(
    const uint8_t *public_key,
    size_t public_key_len,
    const uint8_t *message,
    size_t len,
    const uint8_t *signature,
    int *valid)
{
    bodycam_status status = bodycam_sodium_ready();

    *valid = 0;
    if (status != BODYCAM_OK)
    {
        return status;
    }

    if (public_key_len != BODYCAM_ED25519_PUBLIC_KEY_SIZE)
    {
        return BODYCAM_OK;
    }

    *valid = crypto_sign_verify_detached(signature, nonnull(message), len, public_key) == 0;
    return BODYCAM_OK;
}

bodycam_status bodycam_sodium_ready(void)
{
    /* 0: initialised now, 1: already initialised, -1: failure */
    return sodium_init() < 0 ? BODYCAM_E_LIBRARY : BODYCAM_OK;
}
