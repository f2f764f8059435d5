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

#ifndef BODYCAM_FIRMWARE_NATIVE_BODYCAM_FIRMWARE_NATIVE_BODYCAM_FIRMWARE_NATIVE_NATIVECRYPTOENGINE_H
#define BODYCAM_FIRMWARE_NATIVE_BODYCAM_FIRMWARE_NATIVE_BODYCAM_FIRMWARE_NATIVE_NATIVECRYPTOENGINE_H

namespace Bodycam_Firmware_Native
{
    namespace Bodycam_Firmware_Native
    {
        struct NativeCryptoEngine
        {
            // Helper Functions to access fields of managed object
            // Declaration of stubs. These functions are implemented by Interop code developers

            static void NativeAesGcmSeal( CLR_RT_TypedArray_UINT8 param0, CLR_RT_TypedArray_UINT8 param1, CLR_RT_TypedArray_UINT8 param2, signed int param3, signed int param4, CLR_RT_TypedArray_UINT8 param5, signed int param6, signed int param7, CLR_RT_TypedArray_UINT8 param8, signed int param9, CLR_RT_TypedArray_UINT8 param10, signed int param11, HRESULT &hr );

            static void NativeSha256Begin(  HRESULT &hr );

            static void NativeSha256Update( CLR_RT_TypedArray_UINT8 param0, signed int param1, signed int param2, HRESULT &hr );

            static void NativeSha256End( CLR_RT_TypedArray_UINT8 param0, signed int param1, HRESULT &hr );

            static void NativeHkdfSha256( CLR_RT_TypedArray_UINT8 param0, CLR_RT_TypedArray_UINT8 param1, CLR_RT_TypedArray_UINT8 param2, CLR_RT_TypedArray_UINT8 param3, HRESULT &hr );

            static bool NativeEd25519Verify( CLR_RT_TypedArray_UINT8 param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, signed int param3, CLR_RT_TypedArray_UINT8 param4, signed int param5, HRESULT &hr );

        };
    }
}

#endif // BODYCAM_FIRMWARE_NATIVE_BODYCAM_FIRMWARE_NATIVE_BODYCAM_FIRMWARE_NATIVE_NATIVECRYPTOENGINE_H
