# Sourced by firmware/nano-test, firmware/nano-trace and firmware/nano-bench: finds the .NET nanoFramework toolchain
# (nanoCLR for Linux, the MetadataProcessor and the TestFramework, with the scripts nano-mdp, nano-run and nano-test)
# and builds what every nano step needs: the firmware core as Bodycam.Firmware.pe, checked against the deployment
# partition budget (hardware-notes.md, "Deployment partition").
#
# NANOCLR_HOME names the toolchain's bin/ folder; the default is in firmware/nano-defaults.sh.

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=nano-defaults.sh
. "$REPO/firmware/nano-defaults.sh"
NANO_OUT=${NANO_OUT:-$REPO/out/nano}

# Budgets from hardware-notes.md, "Deployment partition": the ESP32-P4 16 MB layout's deployment partition is
# 0x2E0000 bytes; the firmware core's own .pe may take at most 512 KiB of it.
NANO_DEPLOY_PARTITION_BYTES=3014656
NANO_FIRMWARE_PE_BUDGET_BYTES=524288

nano_require_toolchain() {
    local missing=""
    for tool in nano-mdp nano-run nano-test nanoFramework.nanoCLR.test pe/mscorlib.pe ref/nanoFramework.TestFramework.dll; do
        [ -e "$NANOCLR_HOME/$tool" ] || missing="$missing $tool"
    done
    if [ -n "$missing" ]; then
        cat >&2 <<MSG
nano: the .NET nanoFramework toolchain is not at NANOCLR_HOME=$NANOCLR_HOME (missing:$missing).
nano: set NANOCLR_HOME to its bin/ folder, or build it from the public repositories at the pinned commits:
nano: see README.md, "The firmware on nanoCLR". The net10.0 build and 'dotnet test' do not need it.
MSG
        return 3
    fi
}

# Builds a nano project (compiled against nano's mscorlib) in Release; its output is <project dir>/bin/Release/net10.0/.
nano_dotnet_build() {
    local project=$1
    dotnet build "$REPO/$project" -c Release -nologo -v q -clp:ErrorsOnly -p:NanoClrPrefix="$NANOCLR_HOME/" >&2
}

# Converts the gate's build of the firmware core into $1/Bodycam.Firmware.pe and checks its size.
nano_firmware_pe() {
    local dir=$1 gate_dll=$2
    mkdir -p "$dir"
    "$NANOCLR_HOME/nano-mdp" "$gate_dll" "$dir/Bodycam.Firmware.pe" >/dev/null
    local size total
    size=$(stat -c %s "$dir/Bodycam.Firmware.pe")
    total=$((size + $(stat -c %s "$NANOCLR_HOME/pe/mscorlib.pe")))
    echo "nano: Bodycam.Firmware.pe $size bytes (budget $NANO_FIRMWARE_PE_BUDGET_BYTES); with mscorlib.pe $total of the $NANO_DEPLOY_PARTITION_BYTES-byte deployment partition" >&2
    if [ "$size" -gt "$NANO_FIRMWARE_PE_BUDGET_BYTES" ] || [ "$total" -gt "$NANO_DEPLOY_PARTITION_BYTES" ]; then
        echo "nano: Bodycam.Firmware.pe is over its budget (hardware-notes.md, \"Deployment partition\")" >&2
        return 1
    fi
}
