export { LoadBalancerRace, type LoadBalancerRaceProps } from "./load-balancer-race";
