#include "sim_app.h"

#include <iostream>

// mccig-sim: drives realistic traffic through a running mccig-server and
// verifies the outcomes end to end (see --help and sim/README.md).
int main(int argc, char** argv)
{
    const std::vector<std::string> arguments(argv + 1, argv + argc);
    return static_cast<int>(mccig::sim::runSimulator(arguments, std::cout, std::cerr));
}
