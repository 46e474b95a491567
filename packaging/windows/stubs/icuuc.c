/* SPDX-License-Identifier: EUPL-1.2
 *
 * For the Wine test prefix only, never shipped: Qt >= 6.10 links the converter functions
 * of Windows' own icuuc.dll (Windows 10 1903 and later have it), which Wine 8 lacks.
 * Every converter fails to open, so QStringConverter falls back to its built-in codecs
 * (UTF-8/16/32, Latin-1, the system code page) and only exotic codecs are missing.
 * The signatures follow ICU's ucnv.h; none of these is reached once ucnv_open failed.
 */
#include <stddef.h>

typedef int UErrorCode;
#define U_FILE_ACCESS_ERROR 4
#define FAIL(err) do { if ((err) && *(err) <= 0) *(err) = U_FILE_ACCESS_ERROR; } while (0)
#define API __declspec(dllexport)

API void *ucnv_open(const char *name, UErrorCode *err) { (void)name; FAIL(err); return NULL; }
API void ucnv_close(void *cnv) { (void)cnv; }
API void ucnv_reset(void *cnv) { (void)cnv; }
API void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
API void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
API signed char ucnv_getMaxCharSize(const void *cnv) { (void)cnv; return 1; }
API const char *ucnv_getName(const void *cnv, UErrorCode *err) { (void)cnv; FAIL(err); return NULL; }
API void ucnv_getToUCallBack(const void *cnv, void **action, const void **context)
{ (void)cnv; if (action) *action = NULL; if (context) *context = NULL; }
API void ucnv_getFromUCallBack(const void *cnv, void **action, const void **context)
{ (void)cnv; if (action) *action = NULL; if (context) *context = NULL; }
API void ucnv_setToUCallBack(void *cnv, void *action, const void *context, void **old_action,
                             const void **old_context, UErrorCode *err)
{ (void)cnv; (void)action; (void)context; (void)old_action; (void)old_context; FAIL(err); }
API void ucnv_setFromUCallBack(void *cnv, void *action, const void *context, void **old_action,
                               const void **old_context, UErrorCode *err)
{ (void)cnv; (void)action; (void)context; (void)old_action; (void)old_context; FAIL(err); }
API void ucnv_cbToUWriteUChars(void *args, const void *source, int length, int offset,
                               UErrorCode *err)
{ (void)args; (void)source; (void)length; (void)offset; FAIL(err); }
API void ucnv_cbFromUWriteUChars(void *args, const void **source, const void *limit, int offset,
                                 UErrorCode *err)
{ (void)args; (void)source; (void)limit; (void)offset; FAIL(err); }
API void ucnv_toUnicode(void *cnv, void **target, const void *target_limit, const char **source,
                        const char *source_limit, int *offsets, signed char flush, UErrorCode *err)
{ (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets;
  (void)flush; FAIL(err); }
API void ucnv_fromUnicode(void *cnv, char **target, const char *target_limit, const void **source,
                          const void *source_limit, int *offsets, signed char flush, UErrorCode *err)
{ (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets;
  (void)flush; FAIL(err); }
API int ucnv_toUCountPending(const void *cnv, UErrorCode *err) { (void)cnv; FAIL(err); return 0; }
API int ucnv_fromUCountPending(const void *cnv, UErrorCode *err) { (void)cnv; FAIL(err); return 0; }
API const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *err)
{ (void)name; (void)standard; FAIL(err); return NULL; }
API const char *ucnv_getAvailableName(int n) { (void)n; return NULL; }
API int ucnv_countAvailable(void) { return 0; }
