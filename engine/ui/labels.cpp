#include "ui/labels.hpp"

#include <cstring>

namespace ui {
namespace {
struct LabelWords {
  const char* id;
  const char* patient_en;
  const char* student_en;
  const char* patient_de;
  const char* student_de;
};

const LabelWords kWords[] = {
    {"skin", "Skin surface", "Skin surface", "Hautoberfläche", "Hautoberfläche"},
    {"epidermis", "Outer skin", "Epidermis", "Oberhaut", "Epidermis"},
    {"dermis", "Inner skin", "Dermis", "Lederhaut", "Dermis"},
    {"fat", "Fat layer", "Subcutaneous fat", "Fettschicht", "Subkutis"},
    {"vein_lumen", "Inside the vein", "Vein lumen", "Inneres der Vene", "Venenlumen"},
    {"vein_wall", "Vein wall", "Vein wall (media, adventitia)", "Venenwand",
     "Venenwand (Media, Adventitia)"},
    {"endothelium", "Vein lining", "Endothelium", "Innere Auskleidung", "Endothel"},
    {"needle", "Fine needle", "30 G needle, bevel up", "Feine Nadel", "30-G-Nadel, Schliff oben"},
    {"sclerosant", "Medicine", "Sclerosant", "Medikament", "Sklerosierungsmittel"},
    {"thrombus", "Trapped blood (harmless)", "Thrombus", "Eingeschlossenes Blut (harmlos)",
     "Thrombus"},
    {"bandage", "Compression stocking", "Compression stocking", "Kompressionsstrumpf",
     "Kompressionsstrumpf"},
    {"cord", "Sealed vein (fading)", "Fibrous cord", "Verschlossene Vene (verblasst allmählich)",
     "Fibröser Strang"},
    {"reticular_vein", "Deeper feeder vein", "Reticular feeder vein", "Tiefere Zuflussvene",
     "Retikuläre Zuflussvene"},
    {"wheal", "Medicine beside the vein (a small bump)", "Extravasation wheal",
     "Medikament neben der Vene (kleine Quaddel)", "Extravasat (Quaddel)"},
};
} // namespace

std::string labelText(const std::string& id, scene::Audience audience, const std::string& lang) {
  const bool de = lang.rfind("de", 0) == 0;
  const bool student = audience == scene::Audience::Student;
  for (const LabelWords& w : kWords) {
    if (id == w.id) {
      if (de) return student ? w.student_de : w.patient_de;
      return student ? w.student_en : w.patient_en;
    }
  }
  return {};
}

} // namespace ui
