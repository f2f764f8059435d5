//
// Helpers shared by the interop glue (this folder): status codes to the CLR's HRESULTs, and range checks on the
// managed arrays the marshaller hands over (firmware/native/README.md, "Errors").
//
#ifndef BODYCAM_INTEROP_H
#define BODYCAM_INTEROP_H

#include <nanoCLR_Interop.h>

#include "bodycam_status.h"

// The managed exception each status becomes (the CLR's table in corlib_native_System_Exception.cpp).
inline HRESULT bodycam_hresult(bodycam_status status)
{
    switch (status)
    {
        case BODYCAM_OK:
            return S_OK;
        case BODYCAM_E_ARGUMENT:
            return CLR_E_INVALID_PARAMETER; // ArgumentException
        case BODYCAM_E_RANGE:
            return CLR_E_OUT_OF_RANGE; // ArgumentOutOfRangeException
        case BODYCAM_E_STATE:
            return CLR_E_INVALID_OPERATION; // InvalidOperationException
        case BODYCAM_E_NOT_SUPPORTED:
            return CLR_E_NOT_SUPPORTED; // NotSupportedException
        default:
            return CLR_E_FAIL; // Exception
    }
}

// True when [offset, offset + count) lies inside the array (no overflow on the way).
template <typename T> inline bool bodycam_in_range(CLR_RT_TypedArray<T> &array, signed int offset, signed int count)
{
    return offset >= 0 && count >= 0 && (unsigned int)offset <= array.GetSize() &&
           (unsigned int)count <= array.GetSize() - (unsigned int)offset;
}

// A pointer to element offset (valid also for an empty range at the end).
inline uint8_t *bodycam_at(CLR_RT_TypedArray_UINT8 &array, signed int offset)
{
    return array.GetBuffer() + offset;
}

#endif // BODYCAM_INTEROP_H
