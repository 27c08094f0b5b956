export { ProvisioningRace, type ProvisioningRaceProps } from "./provisioning-race";
