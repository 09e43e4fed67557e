#pragma once
// Where shaders/, scenes/ and assets/ are: $SCLEROSIM_DATA, else beside the
// executable or one folder up (build/sclerosim in a checkout), else the
// current directory.
#include <string>
#include <vector>

namespace core {

std::string dataDir();
std::string dataPath(const std::string& relative);

// The folders searched for the DejaVu fonts (Debian's fonts-dejavu-core), in
// order: $SCLEROSIM_FONT_DIR when set (only it), else Debian's folders.
std::vector<std::string> fontDirs();
// The full path of font `file` (e.g. "DejaVuSans.ttf"), or "" when missing.
std::string findFont(const std::string& file);

} // namespace core
