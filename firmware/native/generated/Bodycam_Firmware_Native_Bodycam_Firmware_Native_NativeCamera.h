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

#ifndef BODYCAM_FIRMWARE_NATIVE_BODYCAM_FIRMWARE_NATIVE_BODYCAM_FIRMWARE_NATIVE_NATIVECAMERA_H
#define BODYCAM_FIRMWARE_NATIVE_BODYCAM_FIRMWARE_NATIVE_BODYCAM_FIRMWARE_NATIVE_NATIVECAMERA_H

namespace Bodycam_Firmware_Native
{
    namespace Bodycam_Firmware_Native
    {
        struct NativeCamera
        {
            // Helper Functions to access fields of managed object
            // Declaration of stubs. These functions are implemented by Interop code developers

            static void NativeConfigure( signed int param0, signed int param1, signed int param2, signed int param3, signed int param4, HRESULT &hr );

            static void NativeStart(  HRESULT &hr );

            static void NativeStop(  HRESULT &hr );

            static void NativeRequestKeyFrame(  HRESULT &hr );

            static bool NativeTryReadFrame( CLR_RT_TypedArray_UINT8 param0, CLR_RT_TypedArray_INT32 param1, HRESULT &hr );

            static int64_t NativeDroppedFrameCount(  HRESULT &hr );

        };
    }
}

#endif // BODYCAM_FIRMWARE_NATIVE_BODYCAM_FIRMWARE_NATIVE_BODYCAM_FIRMWARE_NATIVE_NATIVECAMERA_H
