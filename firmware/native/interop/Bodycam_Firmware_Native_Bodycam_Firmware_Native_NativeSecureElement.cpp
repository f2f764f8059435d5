//
// Bodycam.Firmware.Native.NativeSecureElement (firmware/Bodycam.Firmware.Native/NativeSecureElement.cs): range checks
// on the managed arrays, then the C secure element (../src/bodycam_secure_element.c). Only public keys, messages,
// signatures and the agreed secret cross into managed memory.
// Started from the stub `nano-mdp --skeleton` writes under this name; the declarations are in ../generated.
//

#include "Bodycam_Firmware_Native.h"
#include "Bodycam_Firmware_Native_Bodycam_Firmware_Native_NativeSecureElement.h"
#include "bodycam_crypto.h"
#include "bodycam_interop.h"
#include "bodycam_secure_element.h"

using namespace Bodycam_Firmware_Native::Bodycam_Firmware_Native;

bool NativeSecureElement::NativeHasIdentity(HRESULT &hr)
{
    (void)hr;
    return bodycam_se_has_identity() != 0;
}

void NativeSecureElement::NativeReadDevicePublicKey(CLR_RT_TypedArray_UINT8 param0, signed int param1, HRESULT &hr)
{
    if (!bodycam_in_range(param0, param1, BODYCAM_ED25519_PUBLIC_KEY_SIZE))
    {
        hr = bodycam_hresult(BODYCAM_E_RANGE);
        return;
    }

    hr = bodycam_hresult(bodycam_se_read_public_key(bodycam_at(param0, param1)));
}

void NativeSecureElement::NativeSign(
    CLR_RT_TypedArray_UINT8 param0,
    signed int param1,
    signed int param2,
    CLR_RT_TypedArray_UINT8 param3,
    signed int param4,
    HRESULT &hr)
{
    // message[offset, count], signature[signatureOffset, 64]
    if (!bodycam_in_range(param0, param1, param2) ||
        !bodycam_in_range(param3, param4, BODYCAM_ED25519_SIGNATURE_SIZE))
    {
        hr = bodycam_hresult(BODYCAM_E_RANGE);
        return;
    }

    hr = bodycam_hresult(bodycam_se_sign(bodycam_at(param0, param1), (size_t)param2, bodycam_at(param3, param4)));
}

void NativeSecureElement::NativeAgreeEphemeral(
    CLR_RT_TypedArray_UINT8 param0,
    CLR_RT_TypedArray_UINT8 param1,
    CLR_RT_TypedArray_UINT8 param2,
    HRESULT &hr)
{
    // recipientPublicKey, ephemeralPublicKey, sharedSecret: 32 bytes each, at offset 0 (ISecureElement)
    if (param0.GetSize() < BODYCAM_X25519_KEY_SIZE || param1.GetSize() < BODYCAM_X25519_KEY_SIZE ||
        param2.GetSize() < BODYCAM_X25519_KEY_SIZE)
    {
        hr = bodycam_hresult(BODYCAM_E_ARGUMENT);
        return;
    }

    hr = bodycam_hresult(bodycam_se_agree_ephemeral(param0.GetBuffer(), param1.GetBuffer(), param2.GetBuffer()));
}
