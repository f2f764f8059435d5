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

#ifndef BODYCAM_FIRMWARE_NATIVE_POSIX_BODYCAM_FIRMWARE_NATIVE_POSIX_BODYCAM_FIRMWARE_NATIVE_POSIX_POSIXBOARD_H
#define BODYCAM_FIRMWARE_NATIVE_POSIX_BODYCAM_FIRMWARE_NATIVE_POSIX_BODYCAM_FIRMWARE_NATIVE_POSIX_POSIXBOARD_H

namespace Bodycam_Firmware_Native_Posix
{
    namespace Bodycam_Firmware_Native_Posix
    {
        struct PosixBoard
        {
            // Helper Functions to access fields of managed object
            // Declaration of stubs. These functions are implemented by Interop code developers

            static void NativeSeedRandom( CLR_RT_TypedArray_UINT8 param0, HRESULT &hr );

            static void NativeUseSystemRandom(  HRESULT &hr );

            static void NativeGenerateIdentity(  HRESULT &hr );

            static void NativeInstallIdentity( CLR_RT_TypedArray_UINT8 param0, HRESULT &hr );

            static void NativeClearIdentity(  HRESULT &hr );

            static void NativeUseNextEphemeral( CLR_RT_TypedArray_UINT8 param0, HRESULT &hr );

            static void NativeLoseRealTimeClock(  HRESULT &hr );

            static signed int NativeOpenCameraReplay( const char* param0, HRESULT &hr );

            static void NativeCloseCameraReplay(  HRESULT &hr );

            static int64_t NativeMeasureDirectSegments( CLR_RT_TypedArray_UINT8 param0, CLR_RT_TypedArray_UINT8 param1, CLR_RT_TypedArray_UINT8 param2, CLR_RT_TypedArray_UINT8 param3, signed int param4, signed int param5, HRESULT &hr );

        };
    }
}

#endif // BODYCAM_FIRMWARE_NATIVE_POSIX_BODYCAM_FIRMWARE_NATIVE_POSIX_BODYCAM_FIRMWARE_NATIVE_POSIX_POSIXBOARD_H
