//
// Bodycam.Firmware.Native.NativeCamera: the board's camera (../src/bodycam_board.h). The posix board replays a frame
// file; the ESP32-P4 capture and encoder component is not written, so there every call throws NotSupportedException.
// Started from the stub `nano-mdp --skeleton` writes under this name; the declarations are in ../generated.
//

#include "Bodycam_Firmware_Native.h"
#include "Bodycam_Firmware_Native_Bodycam_Firmware_Native_NativeCamera.h"
#include "bodycam_board.h"
#include "bodycam_interop.h"

using namespace Bodycam_Firmware_Native::Bodycam_Firmware_Native;

void NativeCamera::NativeConfigure(
    signed int param0,
    signed int param1,
    signed int param2,
    signed int param3,
    signed int param4,
    HRESULT &hr)
{
    hr = bodycam_hresult(bodycam_board_camera_configure(param0, param1, param2, param3, param4));
}

void NativeCamera::NativeStart(HRESULT &hr)
{
    hr = bodycam_hresult(bodycam_board_camera_start());
}

void NativeCamera::NativeStop(HRESULT &hr)
{
    hr = bodycam_hresult(bodycam_board_camera_stop());
}

void NativeCamera::NativeRequestKeyFrame(HRESULT &hr)
{
    hr = bodycam_hresult(bodycam_board_camera_request_key_frame());
}

bool NativeCamera::NativeTryReadFrame(CLR_RT_TypedArray_UINT8 param0, CLR_RT_TypedArray_INT32 param1, HRESULT &hr)
{
    int read = 0;

    if (param1.GetSize() < BODYCAM_FRAME_HEADER_VALUES)
    {
        hr = bodycam_hresult(BODYCAM_E_ARGUMENT);
        return false;
    }

    hr = bodycam_hresult(bodycam_board_camera_read(param0.GetBuffer(), param0.GetSize(), param1.GetBuffer(), &read));
    return read != 0;
}

int64_t NativeCamera::NativeDroppedFrameCount(HRESULT &hr)
{
    int64_t count = 0;

    hr = bodycam_hresult(bodycam_board_camera_dropped(&count));
    return count;
}
