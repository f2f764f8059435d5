/*
 * The secure element of the native component: the device's Ed25519 identity key (RFC 8032) and ephemeral X25519
 * agreements (RFC 7748), on libsodium. The identity key lives in this module's memory only; nothing returns it.
 */
#ifndef BODYCAM_SECURE_ELEMENT_H
#define BODYCAM_SECURE_ELEMENT_H

#include <stddef.h>
#include <stdint.h>

#include "bodycam_status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define BODYCAM_X25519_KEY_SIZE 32
#define BODYCAM_ED25519_SEED_SIZE 32

/* 1 when an identity key is held. */
int bodycam_se_has_identity(void);

/* Enrolment: a new identity key from 32 bytes of the board's random source (replacing any held key). */
bodycam_status bodycam_se_generate_identity(void);

/* Installs a known identity key (the 32-byte RFC 8032 private key); the module keeps its own copy. */
bodycam_status bodycam_se_install_identity(const uint8_t *seed);

/* Wipes the identity key. */
void bodycam_se_clear_identity(void);

/* The 32-byte public key; BODYCAM_E_STATE without an identity key. */
bodycam_status bodycam_se_read_public_key(uint8_t *public_key);

/* A 64-byte Ed25519 signature of the message; BODYCAM_E_STATE without an identity key. */
bodycam_status bodycam_se_sign(const uint8_t *message, size_t len, uint8_t *signature);

/*
 * A fresh ephemeral key pair (private key from bodycam_board_ephemeral_key), the agreement with the recipient's
 * 32-byte public key, and the ephemeral private key wiped. A low-order recipient key gives an all-zero secret,
 * passed through for the caller to reject (RFC 7748 section 6.1).
 */
bodycam_status bodycam_se_agree_ephemeral(const uint8_t *recipient, uint8_t *ephemeral_public, uint8_t *shared_secret);

#ifdef __cplusplus
}
#endif

#endif /* BODYCAM_SECURE_ELEMENT_H */
