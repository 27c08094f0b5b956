export { AlarmTuningLab, type AlarmTuningLabProps } from "./alarm-tuning-lab";
