# Sourced by every nano script: where the .NET nanoFramework toolchain is looked for when the environment does not
# say. NANOCLR_SRC is the toolchain folder (it holds build.sh, used to rebuild nanoCLR with firmware/native);
# NANOCLR_HOME is its bin/ folder (nano-mdp, nano-run, nano-test, nanoCLR). By default the toolchain sits in a folder
# beside the repository; README.md, "The firmware on nanoCLR", says how to build it from the public repositories.
NANO_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NANOCLR_SRC=${NANOCLR_SRC:-$NANO_REPO/../shared/nanoclr}
NANOCLR_HOME=${NANOCLR_HOME:-$NANOCLR_SRC/bin}
