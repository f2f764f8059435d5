//
// Bodycam.Firmware.Native.Posix.PosixBoard (firmware/Bodycam.Firmware.Native.Posix/PosixBoard.cs): the posix board's
// controls (bodycam_posix_board.c, ../../src/bodycam_secure_element.c). Compiled only into the Linux nanoCLR.
// Started from the stub `nano-mdp --skeleton` writes under this name; the declarations are in ../../generated.
//

#include "Bodycam_Firmware_Native_Posix.h"
#include "Bodycam_Firmware_Native_Posix_Bodycam_Firmware_Native_Posix_PosixBoard.h"
#include "bodycam_crypto.h"
#include "bodycam_interop.h"
#include "bodycam_posix_board.h"
#include "bodycam_secure_element.h"

using namespace Bodycam_Firmware_Native_Posix::Bodycam_Firmware_Native_Posix;

void PosixBoard::NativeSeedRandom(CLR_RT_TypedArray_UINT8 param0, HRESULT &hr)
{
    hr = bodycam_hresult(bodycam_posix_seed_random(param0.GetBuffer(), param0.GetSize()));
}

void PosixBoard::NativeUseSystemRandom(HRESULT &hr)
{
    (void)hr;
    bodycam_posix_use_system_random();
}

void PosixBoard::NativeGenerateIdentity(HRESULT &hr)
{
    hr = bodycam_hresult(bodycam_se_generate_identity());
}

void PosixBoard::NativeInstallIdentity(CLR_RT_TypedArray_UINT8 param0, HRESULT &hr)
{
    if (param0.GetSize() != BODYCAM_ED25519_SEED_SIZE)
    {
        hr = bodycam_hresult(BODYCAM_E_ARGUMENT);
        return;
    }

    hr = bodycam_hresult(bodycam_se_install_identity(param0.GetBuffer()));
}

void PosixBoard::NativeClearIdentity(HRESULT &hr)
{
    (void)hr;
    bodycam_se_clear_identity();
}

void PosixBoard::NativeUseNextEphemeral(CLR_RT_TypedArray_UINT8 param0, HRESULT &hr)
{
    if (param0.GetSize() != BODYCAM_X25519_KEY_SIZE)
    {
        hr = bodycam_hresult(BODYCAM_E_ARGUMENT);
        return;
    }

    bodycam_posix_use_next_ephemeral(param0.GetBuffer());
}

void PosixBoard::NativeLoseRealTimeClock(HRESULT &hr)
{
    (void)hr;
    bodycam_posix_lose_rtc();
}

signed int PosixBoard::NativeOpenCameraReplay(const char *param0, HRESULT &hr)
{
    int32_t frames = 0;

    hr = bodycam_hresult(bodycam_posix_camera_open(param0, &frames));
    return frames;
}

void PosixBoard::NativeCloseCameraReplay(HRESULT &hr)
{
    (void)hr;
    bodycam_posix_camera_close();
}

int64_t PosixBoard::NativeMeasureDirectSegments(
    CLR_RT_TypedArray_UINT8 param0,
    CLR_RT_TypedArray_UINT8 param1,
    CLR_RT_TypedArray_UINT8 param2,
    CLR_RT_TypedArray_UINT8 param3,
    signed int param4,
    signed int param5,
    HRESULT &hr)
{
    // key (32), nonce (12), plain[0, count], record[0, count + 26], count, iterations
    int64_t elapsed = 0;

    if (param0.GetSize() != BODYCAM_AES256_KEY_SIZE || param1.GetSize() != BODYCAM_GCM_NONCE_SIZE || param5 < 0)
    {
        hr = bodycam_hresult(BODYCAM_E_ARGUMENT);
        return 0;
    }

    if (!bodycam_in_range(param2, 0, param4) || param4 > INT32_MAX - 26 || !bodycam_in_range(param3, 0, param4 + 26))
    {
        hr = bodycam_hresult(BODYCAM_E_RANGE);
        return 0;
    }

    hr = bodycam_hresult(bodycam_posix_measure_segments(
        param0.GetBuffer(), param1.GetBuffer(), param2.GetBuffer(), param3.GetBuffer(), (size_t)param4, param5, &elapsed));
    return elapsed;
}
