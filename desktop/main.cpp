#include "app/console_main.h"

int main(int argc, char* argv[])
{
    return mccig::console::runConsole(argc, argv);
}
