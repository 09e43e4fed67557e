#pragma once
// Where shaders/, scenes/ and assets/ are: $SCLEROSIM_DATA, else beside the
// executable or one folder up (build/sclerosim in a checkout), else the
// current directory.
#include <string>

namespace core {

std::string dataDir();
std::string dataPath(const std::string& relative);

} // namespace core
