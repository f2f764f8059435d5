/*
 * The crypto engine of the native component: AES-256-GCM (NIST SP 800-38D), SHA-256 (FIPS 180-4) and HKDF-SHA256
 * (RFC 5869) from mbedTLS, Ed25519 verification (RFC 8032) from libsodium. No primitive is written here; these
 * functions check sizes, call the library and wipe what they held. Buffers are the caller's (the managed arrays,
 * in place).
 */
#ifndef BODYCAM_CRYPTO_H
#define BODYCAM_CRYPTO_H

#include <stddef.h>
#include <stdint.h>

#include "bodycam_status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define BODYCAM_AES256_KEY_SIZE 32
#define BODYCAM_GCM_NONCE_SIZE 12
#define BODYCAM_GCM_TAG_SIZE 16
#define BODYCAM_SHA256_SIZE 32
#define BODYCAM_HKDF_MAX_OUTPUT (255 * 32)
#define BODYCAM_ED25519_PUBLIC_KEY_SIZE 32
#define BODYCAM_ED25519_SIGNATURE_SIZE 64

/*
 * Seals len bytes of plaintext into ciphertext (the same pointer for in place; any other overlap is refused with
 * BODYCAM_E_ARGUMENT) and writes the 16-byte tag. key_len must be 32 and nonce_len 12 (BODYCAM_E_ARGUMENT otherwise),
 * as the emulator's engine requires. The key schedule lives on the stack for this call only and is wiped before
 * returning.
 */
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
    uint8_t *tag);

/* The single incremental SHA-256 context (ICryptoEngine's rule): begin discards any unfinished computation. */
bodycam_status bodycam_sha256_begin(void);

/* BODYCAM_E_STATE when no computation was begun. */
bodycam_status bodycam_sha256_update(const uint8_t *data, size_t len);

/* Writes the 32-byte digest and closes the computation; BODYCAM_E_STATE when none was begun. */
bodycam_status bodycam_sha256_end(uint8_t *digest);

/* HKDF-SHA256 extract-then-expand; out_len from 1 to 255 * 32 (BODYCAM_E_ARGUMENT otherwise). */
bodycam_status bodycam_hkdf_sha256(
    const uint8_t *ikm,
    size_t ikm_len,
    const uint8_t *salt,
    size_t salt_len,
    const uint8_t *info,
    size_t info_len,
    uint8_t *out,
    size_t out_len);

/*
 * Ed25519 verification with libsodium's checks (non-canonical S, small-order R or public key and non-canonical
 * public keys are rejected). *valid is 1 for a good signature, 0 otherwise; a public key other than 32 bytes is
 * simply invalid, as in the emulator's engine.
 */
bodycam_status bodycam_ed25519_verify(
    const uint8_t *public_key,
    size_t public_key_len,
    const uint8_t *message,
    size_t len,
    const uint8_t *signature,
    int *valid);

/* libsodium's one-time initialisation (idempotent); BODYCAM_E_LIBRARY when it fails. */
bodycam_status bodycam_sodium_ready(void);

#ifdef __cplusplus
}
#endif

#endif /* BODYCAM_CRYPTO_H */
