//
// Bodycam.Firmware.Native.NativeCryptoEngine (firmware/Bodycam.Firmware.Native/NativeCryptoEngine.cs): range checks
// on the managed arrays, then the C engine (../src/bodycam_crypto.c), in place on the arrays' memory.
// Started from the stub `nano-mdp --skeleton` writes under this name; the declarations are in ../generated.
//

#include "Bodycam_Firmware_Native.h"
#include "Bodycam_Firmware_Native_Bodycam_Firmware_Native_NativeCryptoEngine.h"
#include "bodycam_crypto.h"
#include "bodycam_interop.h"

using namespace Bodycam_Firmware_Native::Bodycam_Firmware_Native;

void NativeCryptoEngine::NativeAesGcmSeal(
    CLR_RT_TypedArray_UINT8 param0,
    CLR_RT_TypedArray_UINT8 param1,
    CLR_RT_TypedArray_UINT8 param2,
    signed int param3,
    signed int param4,
    CLR_RT_TypedArray_UINT8 param5,
    signed int param6,
    signed int param7,
    CLR_RT_TypedArray_UINT8 param8,
    signed int param9,
    CLR_RT_TypedArray_UINT8 param10,
    signed int param11,
    HRESULT &hr)
{
    // key, nonce, aad[aadOffset, aadCount], plaintext[plaintextOffset, count], ciphertext[ciphertextOffset, count],
    // tag[tagOffset, 16]
    if (param0.GetSize() != BODYCAM_AES256_KEY_SIZE || param1.GetSize() != BODYCAM_GCM_NONCE_SIZE)
    {
        hr = bodycam_hresult(BODYCAM_E_ARGUMENT);
        return;
    }

    if (!bodycam_in_range(param2, param3, param4) || !bodycam_in_range(param5, param6, param7) ||
        !bodycam_in_range(param8, param9, param7) || !bodycam_in_range(param10, param11, BODYCAM_GCM_TAG_SIZE))
    {
        hr = bodycam_hresult(BODYCAM_E_RANGE);
        return;
    }

    hr = bodycam_hresult(bodycam_aes256gcm_seal(
        param0.GetBuffer(),
        param0.GetSize(),
        param1.GetBuffer(),
        param1.GetSize(),
        bodycam_at(param2, param3),
        (size_t)param4,
        bodycam_at(param5, param6),
        (size_t)param7,
        bodycam_at(param8, param9),
        bodycam_at(param10, param11)));
}

void NativeCryptoEngine::NativeSha256Begin(HRESULT &hr)
{
    hr = bodycam_hresult(bodycam_sha256_begin());
}

void NativeCryptoEngine::NativeSha256Update(
    CLR_RT_TypedArray_UINT8 param0,
    signed int param1,
    signed int param2,
    HRESULT &hr)
{
    if (!bodycam_in_range(param0, param1, param2))
    {
        hr = bodycam_hresult(BODYCAM_E_RANGE);
        return;
    }

    hr = bodycam_hresult(bodycam_sha256_update(bodycam_at(param0, param1), (size_t)param2));
}

void NativeCryptoEngine::NativeSha256End(CLR_RT_TypedArray_UINT8 param0, signed int param1, HRESULT &hr)
{
    if (!bodycam_in_range(param0, param1, BODYCAM_SHA256_SIZE))
    {
        hr = bodycam_hresult(BODYCAM_E_RANGE);
        return;
    }

    hr = bodycam_hresult(bodycam_sha256_end(bodycam_at(param0, param1)));
}

void NativeCryptoEngine::NativeHkdfSha256(
    CLR_RT_TypedArray_UINT8 param0,
    CLR_RT_TypedArray_UINT8 param1,
    CLR_RT_TypedArray_UINT8 param2,
    CLR_RT_TypedArray_UINT8 param3,
    HRESULT &hr)
{
    hr = bodycam_hresult(bodycam_hkdf_sha256(
        param0.GetBuffer(),
        param0.GetSize(),
        param1.GetBuffer(),
        param1.GetSize(),
        param2.GetBuffer(),
        param2.GetSize(),
        param3.GetBuffer(),
        param3.GetSize()));
}

bool NativeCryptoEngine::NativeEd25519Verify(
    CLR_RT_TypedArray_UINT8 param0,
    CLR_RT_TypedArray_UINT8 param1,
    signed int param2,
    signed int param3,
    CLR_RT_TypedArray_UINT8 param4,
    signed int param5,
    HRESULT &hr)
{
    // publicKey, message[offset, count], signature[signatureOffset, 64]
    int valid = 0;

    if (!bodycam_in_range(param1, param2, param3) ||
        !bodycam_in_range(param4, param5, BODYCAM_ED25519_SIGNATURE_SIZE))
    {
        hr = bodycam_hresult(BODYCAM_E_RANGE);
        return false;
    }

    hr = bodycam_hresult(bodycam_ed25519_verify(
        param0.GetBuffer(),
        param0.GetSize(),
        bodycam_at(param1, param2),
        (size_t)param3,
        bodycam_at(param4, param5),
        &valid));
    return valid != 0;
}
