/* SPDX-License-Identifier: EUPL-1.2
 *
 * $BROWSER for the launcher under Wine: Python's webbrowser runs $BROWSER as one program
 * with the address as its only argument, so this tiny Windows program starts the
 * Windows Python on tests/stack/fake_browser.py (FAKE_BROWSER_PYTHON, FAKE_BROWSER_SCRIPT)
 * with that address and returns its exit code. A .cmd file cannot do it: cmd.exe would
 * cut the address at its first "&".
 */
#include <windows.h>
#include <wchar.h>

int wmain(int argc, wchar_t **argv)
{
    static wchar_t python[MAX_PATH], script[MAX_PATH], line[32768];
    STARTUPINFOW startup = { sizeof startup };
    PROCESS_INFORMATION process;
    DWORD code = 1;

    if (argc != 2 || !GetEnvironmentVariableW(L"FAKE_BROWSER_PYTHON", python, MAX_PATH)
        || !GetEnvironmentVariableW(L"FAKE_BROWSER_SCRIPT", script, MAX_PATH))
        return 2;
    if (swprintf(line, 32768, L"\"%ls\" -B \"%ls\" \"%ls\"", python, script, argv[1]) < 0)
        return 2;
    if (!CreateProcessW(NULL, line, NULL, NULL, FALSE, 0, NULL, NULL, &startup, &process))
        return 3;
    WaitForSingleObject(process.hProcess, INFINITE);
    GetExitCodeProcess(process.hProcess, &code);
    return (int)code;
}
