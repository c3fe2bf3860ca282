#!/bin/sh
# deploy/set-temperature.sh: sets the target temperature on every thermostat; fails when any
# device fails. The app and the token come from the environment.
set -eu
iotc-jobs create "set-temperature-${RUN_ID:-manual}" --group Thermostats \
  --target dtmi:modelDefinition:zomtmdxh:eqod32zbyl --set targetTemperature=56 \
  --batch 10% --cancel-threshold 5% --wait --timeout 30m
