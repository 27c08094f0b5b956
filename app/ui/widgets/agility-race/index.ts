export { AgilityRace, type AgilityRaceProps } from "./agility-race";
