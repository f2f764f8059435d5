//
// Bodycam.Firmware.Native.NativeRealTimeClock: the board's real-time clock (../src/bodycam_board.h).
// Started from the stub `nano-mdp --skeleton` writes under this name; the declarations are in ../generated.
//

#include "Bodycam_Firmware_Native.h"
#include "Bodycam_Firmware_Native_Bodycam_Firmware_Native_NativeRealTimeClock.h"
#include "bodycam_board.h"
#include "bodycam_interop.h"

using namespace Bodycam_Firmware_Native::Bodycam_Firmware_Native;

bool NativeRealTimeClock::NativeIsSet(HRESULT &hr)
{
    (void)hr;
    return bodycam_board_rtc_is_set() != 0;
}

int64_t NativeRealTimeClock::NativeReadUnixMilliseconds(HRESULT &hr)
{
    (void)hr;
    return bodycam_board_rtc_read_ms();
}

void NativeRealTimeClock::NativeSet(signed int param0, signed int param1, HRESULT &hr)
{
    // the two 32-bit halves of the milliseconds (high, low), joined here
    hr = bodycam_hresult(bodycam_board_rtc_set((int64_t)(((uint64_t)(uint32_t)param0 << 32) | (uint32_t)param1)));
}
