#!/bin/sh
# Choose the devices before a job touches them: list the groups, make one for exactly the
# devices you mean, look at them, then create the job on that group by its name.
# Needs IOTC_BASE_URL (or IOTC_APP) and IOTC_API_TOKEN.
set -eu

iotc-jobs group list

iotc-jobs group create --name "Lab pair" \
  --filter 'SELECT * FROM devices WHERE $displayName = "lab-01" OR $displayName = "lab-02"'

iotc-jobs group devices "Lab pair" --summary
iotc-jobs group devices "Lab pair" -o tsv --columns id,provisioned

iotc-jobs create --group "Lab pair" --yes --wait \
  --target dtmi:modelDefinition:zomtmdxh:eqod32zbyl --set targetTemperature=21

# The job keeps its devices; the group can go once no job runs on it.
iotc-jobs group delete "Lab pair" --yes
