//-----------------------------------------------------------------------------
//
//                   ** WARNING! ** 
//    This file was generated automatically by a tool.
//    Re-running the tool will overwrite this file.
//    You should copy this file to a custom location
//    before adding any customization in the copy to
//    prevent loss of your changes when the tool is
//    re-run.
//
//-----------------------------------------------------------------------------

#ifndef BODYCAM_FIRMWARE_NATIVE_BODYCAM_FIRMWARE_NATIVE_BODYCAM_FIRMWARE_NATIVE_NATIVECLOCK_H
#define BODYCAM_FIRMWARE_NATIVE_BODYCAM_FIRMWARE_NATIVE_BODYCAM_FIRMWARE_NATIVE_NATIVECLOCK_H

namespace Bodycam_Firmware_Native
{
    namespace Bodycam_Firmware_Native
    {
        struct NativeClock
        {
            // Helper Functions to access fields of managed object
            // Declaration of stubs. These functions are implemented by Interop code developers

            static int64_t NativeReadMicroseconds(  HRESULT &hr );

        };
    }
}

#endif // BODYCAM_FIRMWARE_NATIVE_BODYCAM_FIRMWARE_NATIVE_BODYCAM_FIRMWARE_NATIVE_NATIVECLOCK_H
