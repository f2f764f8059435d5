//
// Bodycam.Firmware.Native.NativeRandom: the board's random source (../src/bodycam_board.h), written in place.
// Started from the stub `nano-mdp --skeleton` writes under this name; the declarations are in ../generated.
//

#include "Bodycam_Firmware_Native.h"
#include "Bodycam_Firmware_Native_Bodycam_Firmware_Native_NativeRandom.h"
#include "bodycam_board.h"
#include "bodycam_interop.h"

using namespace Bodycam_Firmware_Native::Bodycam_Firmware_Native;

void NativeRandom::NativeFill(CLR_RT_TypedArray_UINT8 param0, signed int param1, signed int param2, HRESULT &hr)
{
    if (!bodycam_in_range(param0, param1, param2))
    {
        hr = bodycam_hresult(BODYCAM_E_RANGE);
        return;
    }

    hr = bodycam_hresult(bodycam_board_random_fill(bodycam_at(param0, param1), (size_t)param2));
}
