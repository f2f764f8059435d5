//
// Bodycam.Firmware.Native.NativeClock: the board's monotonic timer (../src/bodycam_board.h).
// Started from the stub `nano-mdp --skeleton` writes under this name; the declarations are in ../generated.
//

#include "Bodycam_Firmware_Native.h"
#include "Bodycam_Firmware_Native_Bodycam_Firmware_Native_NativeClock.h"
#include "bodycam_board.h"

using namespace Bodycam_Firmware_Native::Bodycam_Firmware_Native;

int64_t NativeClock::NativeReadMicroseconds(HRESULT &hr)
{
    (void)hr;
    return bodycam_board_monotonic_us();
}
