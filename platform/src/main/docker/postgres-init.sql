-- One database per service (the gateway's holds browser sessions), as ./leverans up creates them (docker-compose.yml
-- runs this on an empty volume).
CREATE DATABASE auth;
CREATE DATABASE agreement;
CREATE DATABASE credit;
CREATE DATABASE orders;
CREATE DATABASE delivery;
CREATE DATABASE notification;
CREATE DATABASE billing;
CREATE DATABASE gateway;
