/* SPDX-License-Identifier: EUPL-1.2
 *
 * For the Wine test prefix only, never shipped: programs built with Rust 1.78 or later
 * (pydantic-core, cryptography) take their random numbers from ProcessPrng in
 * bcryptprimitives.dll, which every Windows 10 has and Wine 8 lacks ("DLL load failed").
 * This one answers from bcrypt's system RNG, which Wine implements.
 */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    while (size > 0) {
        ULONG chunk = size > 0x10000000 ? 0x10000000 : (ULONG)size;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
            return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
