/*
 * The secure element on libsodium (bodycam_secure_element.h). On the posix board the identity key lives in this
 * process; on the ESP32-P4 in this module's RAM, loaded at boot from the encrypted NVS partition (hardware-notes.md,
 * "Native component"). Every temporary secret is wiped with sodium_memzero before returning.
 */
#include "bodycam_secure_element.h"

#include <string.h>

#include <sodium.h>

#include "bodycam_board.h"
#include "bodycam_crypto.h"

/* libsodium's Ed25519 secret key: the 32-byte seed followed by the 32-byte public key. */
static uint8_t s_identity_secret[crypto_sign_SECRETKEYBYTES];
static uint8_t s_identity_public[crypto_sign_PUBLICKEYBYTES];
static int s_has_identity;

int bodycam_se_has_identity(void)
{
    return s_has_identity;
}

bodycam_status bodycam_se_generate_identity(void)
{
    uint8_t seed[BODYCAM_ED25519_SEED_SIZE];
    bodycam_status status = bodycam_board_random_fill(seed, sizeof seed);

    if (status == BODYCAM_OK)
    {
        status = bodycam_se_install_identity(seed);
    }

    sodium_memzero(seed, sizeof seed);
    return status;
}

bodycam_status bodycam_se_install_identity(const uint8_t *seed)
{
    bodycam_status status = bodycam_sodium_ready();

    if (status != BODYCAM_OK)
    {
        return status;
    }

    bodycam_se_clear_identity();
    if (crypto_sign_seed_keypair(s_identity_public, s_identity_secret, seed) != 0)
    {
        bodycam_se_clear_identity();
        return BODYCAM_E_LIBRARY;
    }

    s_has_identity = 1;
    return BODYCAM_OK;
}

void bodycam_se_clear_identity(void)
{
    sodium_memzero(s_identity_secret, sizeof s_identity_secret);
    sodium_memzero(s_identity_public, sizeof s_identity_public);
    s_has_identity = 0;
}

bodycam_status bodycam_se_read_public_key(uint8_t *public_key)
{
    if (!s_has_identity)
    {
        return BODYCAM_E_STATE;
    }

    memcpy(public_key, s_identity_public, sizeof s_identity_public);
    return BODYCAM_OK;
}

bodycam_status bodycam_se_sign(const uint8_t *message, size_t len, uint8_t *signature)
{
    static const uint8_t empty[1] = {0};

    if (!s_has_identity)
    {
        return BODYCAM_E_STATE;
    }

    return crypto_sign_detached(signature, NULL, len == 0 ? empty : message, len, s_identity_secret) == 0
               ? BODYCAM_OK
               : BODYCAM_E_LIBRARY;
}

bodycam_status bodycam_se_agree_ephemeral(const uint8_t *recipient, uint8_t *ephemeral_public, uint8_t *shared_secret)
{
    uint8_t scalar[BODYCAM_X25519_KEY_SIZE];
    bodycam_status status = bodycam_sodium_ready();

    if (status != BODYCAM_OK)
    {
        return status;
    }

    status = bodycam_board_ephemeral_key(scalar);
    if (status == BODYCAM_OK)
    {
        if (crypto_scalarmult_base(ephemeral_public, scalar) != 0)
        {
            status = BODYCAM_E_LIBRARY;
        }
        else if (crypto_scalarmult(shared_secret, scalar, recipient) != 0)
        {
            /*
             * libsodium refuses a low-order point (-1) without always writing the output; the contract is an
             * all-zero secret that the caller rejects, as X25519 itself yields for such a point.
             */
            sodium_memzero(shared_secret, BODYCAM_X25519_KEY_SIZE);
        }
    }

    sodium_memzero(scalar, sizeof scalar);
    return status;
}
