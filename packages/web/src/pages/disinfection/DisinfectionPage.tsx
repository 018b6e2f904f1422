import { useSearch } from "wouter";
import { DilutionCalculator } from "../../components/disinfection/DilutionCalculator.tsx";
import { DisinfectionTables } from "../../components/disinfection/DisinfectionTables.tsx";

/**
 * Disinfection (付録5): the sodium hypochlorite calculator and the tables ③ and ④. `?use=vomit|surfaces|bedpan|linen`
 * opens the calculator on that use (the link an outbreak episode's measure gives).
 */
export function DisinfectionPage() {
  const use = new URLSearchParams(useSearch()).get("use");
  return (
    <div className="disinfection-page">
      <DilutionCalculator key={use ?? ""} initialUse={use} />
      <DisinfectionTables />
    </div>
  );
}
