"""
The emulated AWS account for installs: moto's server, in this process, with what it lacks to run
Vigil's release as AWS would. moto keeps the state and answers every API; this file only adds:

- Lambda runs code: every invocation moto makes (the Invoke API, an SNS subscription, an EventBridge
  target, a CloudFormation custom resource) is posted to the Lambda runner (VIGIL_LAMBDA_RUNNER_URL),
  which runs the function's own zip in Node 22 with the function's own environment.
- SNS delivers to Lambda with the real event shape (message id, topic, attributes), after moto's own
  filter-policy match and only where the function's resource policy lets sns.amazonaws.com invoke it.
- EventBridge honours an SQS target's InputPath (moto sends the whole event).
- EventBridge delivers to Lambda targets (moto delivers only to SQS, logs and buses), after moto's
  own pattern match, with the target's Input, and only where the resource policy allows it. moto
  runs no schedules: a Scheduled Event put on the bus (source aws.events, its rule's ARN in
  `resources`, as AWS sends them) fires that one schedule rule, and nothing else.
- CloudFormation: AWS::Lambda::Alias, AWS::Lambda::Url (the config; nothing serves the URL), AWS::SNS::Subscription (with its filter policy), AWS::SQS::QueuePolicy
  and AWS::IAM::RolePolicy (moto skips these types), the ARN a Ref to AWS::Lambda::Version gives, custom resources
  that answer FAILED (the stack rolls back and the resource gets its Delete), and custom resources'
  Delete when their stack is deleted (a FAILED answer leaves the stack DELETE_FAILED).
- Reads a fresh account answers that moto does not (see "What a fresh account answers" below): EC2's VPC
  Block Public Access options, SSM's managed instances, compliance summaries and Automation's log
  destination setting, Inspector's status of the caller's own account, the credential report's root row,
  Macie off (moto starts it on) and its dates with their time zone, IAM Access Analyzer's analyzers and S3 Express One Zone's directory
  buckets (none; moto has no such service).
- Several accounts of an organization in one moto (an access key ASIA<account id>EMUL acts in that account);
  service-managed StackSets whose instances are real stacks in the target accounts, with auto-deployment on
  Organizations changes; nested stacks named and awaited as on AWS; EventBusPolicy and cross-account bus
  delivery checked against the receiving bus's policy; SQS → Lambda mappings polled in batches with partial
  batch responses (see the sections below and testkit's README).

Prints one JSON line {"port": N} on stdout once it listens on 127.0.0.1. Run by testkit's
`startEmulatedAccount()`; not a service.
"""

import base64
import hashlib
import io
import json
import os
import re
import sys
import threading
import time
import traceback
import urllib.request
import uuid

from werkzeug.serving import make_server

from moto import settings
from moto.awslambda import lambda_backends
from moto.awslambda.models import LambdaFunction, LambdaVersion
from moto.awslambda.models import Permission as LambdaPermission
from moto.awslambda.exceptions import UnknownFunctionException
from moto.awslambda.responses import LambdaResponse
from moto.cloudformation import custom_model
from moto.cloudformation.models import CloudFormationBackend, Stack, cloudformation_backends
from moto.cloudformation.parsing import OutputMap
from moto.cloudformation.responses import CloudFormationResponse
from moto.core.common_models import CloudFormationModel
from moto.core.responses import ActionResult
from moto.ec2.responses import EC2Response
from moto.iam.models import IAMBackend
from moto.inspector2.models import AccountStatus, Inspector2Backend
from moto.macie2.exceptions import AccessDeniedException as MacieAccessDeniedException
from moto.macie2.models import MacieBackend
from moto.ssm.exceptions import ValidationException as SsmValidationException
from moto.ssm.responses import SimpleSystemManagerResponse
from moto.events.models import Rule
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from moto.iam.models import iam_backends
from moto.sns.models import Subscription, sns_backends
from moto.sqs.models import Queue as SqsQueue
from moto.sqs.models import sqs_backends
from moto.ssm.exceptions import ParameterNotFound
from moto.ssm.models import Parameter as SsmParameter

# Without a runner (the local stack's SSM and the like), invoking a function is an error.
RUNNER_URL = os.environ.get("VIGIL_LAMBDA_RUNNER_URL", "").rstrip("/")
CODE_DIR = os.environ.get("VIGIL_LAMBDA_CODE_DIR") or os.path.join(os.environ.get("TMPDIR", "/tmp"), "vigil-moto-zips")
os.makedirs(CODE_DIR, exist_ok=True)


def _post(path, body, timeout):
    if not RUNNER_URL:
        raise RuntimeError("this moto runs no Lambda code: start it with testkit's startEmulatedAccount()")
    request = urllib.request.Request(
        RUNNER_URL + path,
        data=json.dumps(body).encode("utf-8"),
        headers={"content-type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read().decode("utf-8") or "{}")


def _code_path(fn):
    sha = hashlib.sha256(fn.code_bytes).hexdigest()
    path = os.path.join(CODE_DIR, sha + ".zip")
    if not os.path.exists(path):
        tmp = path + "." + uuid.uuid4().hex
        with open(tmp, "wb") as f:
            f.write(fn.code_bytes)
        os.replace(tmp, path)
    return path


def _describe(fn, invoked_arn=None):
    return {
        "functionName": fn.function_name,
        "functionArn": fn.function_arn,
        "invokedArn": invoked_arn or fn.function_arn,
        "version": str(fn.version),
        "handler": fn.handler,
        "runtime": fn.run_time,
        "timeout": int(fn.timeout),
        "memorySize": int(fn.memory_size),
        "region": fn.region,
        "accountId": fn.account_id,
        "environment": dict(fn.environment_vars or {}),
        "codePath": _code_path(fn),
        "deadLetterTarget": (getattr(fn, "dead_letter_config", None) or {}).get("TargetArn"),
    }


def _run(fn, payload, invocation_type, trigger, invoked_arn=None):
    """Runs one invocation in the runner; returns (payload text, errored)."""
    body = {
        "function": _describe(fn, invoked_arn),
        "invocationType": invocation_type,
        "payload": payload if isinstance(payload, str) else json.dumps(payload),
        "trigger": trigger,
    }
    if invocation_type == "Event":
        _post("/invoke", body, timeout=30)
        return "", False
    result = _post("/invoke", body, timeout=int(fn.timeout) + 60)
    return result.get("payload", ""), bool(result.get("functionError"))


def _invoke(self, body, request_headers, response_headers):
    invocation_type = request_headers.get("x-amz-invocation-type", "RequestResponse")
    payload = body if isinstance(body, str) else json.dumps(body)
    # moto's custom resources call this with no headers: tell them apart by their request's shape.
    try:
        request = json.loads(payload) if payload else {}
    except ValueError:
        request = {}
    request = request if isinstance(request, dict) else {}
    source = "cloudformation" if "ResponseURL" in request and "RequestType" in request else "invoke"
    trigger = {"source": source}
    result, errored = _run(self, payload or "{}", invocation_type, trigger)
    if errored:
        response_headers["x-amz-function-error"] = "Unhandled"
    if invocation_type == "RequestResponse":
        response_headers["x-amz-log-result"] = base64.b64encode(b"").decode("utf-8")
        return result.encode("utf-8")
    return result


LambdaFunction.invoke = _invoke


def _allows(fn, invoked_arn, principal, source_arn):
    """Does the function's resource policy let `principal` invoke `invoked_arn` for `source_arn`?"""
    unqualified = fn.function_arn.rsplit(":", 1)[0] if str(fn.version) != "$LATEST" else fn.function_arn
    for statement in list(getattr(fn.policy, "statements", [])):
        if statement.get("Effect", "Allow") != "Allow":
            continue
        action = statement.get("Action")
        actions = action if isinstance(action, list) else [action]
        if not any(a in ("lambda:InvokeFunction", "lambda:*", "*") for a in actions):
            continue
        who = statement.get("Principal")
        services = who.get("Service") if isinstance(who, dict) else who
        services = services if isinstance(services, list) else [services]
        if principal not in services:
            continue
        resource = statement.get("Resource", "")
        if resource.endswith(":$LATEST"):
            resource = resource[: -len(":$LATEST")]
        if resource not in (invoked_arn, unqualified if invoked_arn == unqualified else None):
            continue
        condition = statement.get("Condition") or {}
        wanted = None
        for operator in ("ArnLike", "ArnEquals", "StringEquals", "StringLike"):
            wanted = (condition.get(operator) or {}).get("AWS:SourceArn") or wanted
        if wanted is None or wanted == source_arn:
            return True
    return False


def _resolve(account_id, endpoint_arn):
    parts = endpoint_arn.split(":")
    region = parts[3]
    qualifier = parts[7] if len(parts) == 8 else None
    backend = lambda_backends[account_id][region]
    return backend.get_function(parts[6], qualifier)


def _refused(kind, endpoint_arn, source_arn, reason):
    _post(
        "/refused",
        {"trigger": kind, "target": endpoint_arn, "sourceArn": source_arn, "reason": reason},
        timeout=30,
    )


_original_publish = Subscription.publish


def _publish(self, message, message_id, subject=None, message_attributes=None, group_id=None,
             deduplication_id=None, message_structure=None):
    if self.protocol != "lambda":
        return _original_publish(self, message, message_id, subject=subject,
                                 message_attributes=message_attributes, group_id=group_id,
                                 deduplication_id=deduplication_id, message_structure=message_structure)
    if self._filter_policy_matcher is not None and not self._filter_policy_matcher.matches(
        message_attributes, message
    ):
        return
    if message_structure == "json":
        message = self._parse_message_structure(message, self.protocol)
    fn = _resolve(self.account_id, self.endpoint)
    if not _allows(fn, self.endpoint, "sns.amazonaws.com", self.topic.arn):
        _refused("sns", self.endpoint, self.topic.arn,
                 "the function's resource policy does not let sns.amazonaws.com invoke " + self.endpoint
                 + " for " + self.topic.arn)
        return
    attributes = {}
    for key, value in (message_attributes or {}).items():
        attributes[key] = {"Type": value["Type"], "Value": value["Value"]}
    event = {
        "Records": [
            {
                "EventVersion": "1.0",
                "EventSubscriptionArn": self.arn,
                "EventSource": "aws:sns",
                "Sns": {
                    "SignatureVersion": "1",
                    "Timestamp": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
                    "Signature": "EMULATED",
                    "SigningCertUrl": "https://sns.amazonaws.com/emulated.pem",
                    "MessageId": message_id,
                    "Message": message,
                    "MessageAttributes": attributes,
                    "Type": "Notification",
                    "UnsubscribeUrl": "https://sns.amazonaws.com/?Action=Unsubscribe",
                    "TopicArn": self.topic.arn,
                    "Subject": subject,
                },
            }
        ]
    }
    _run(fn, event, "Event", {"source": "sns", "sourceArn": self.topic.arn}, invoked_arn=self.endpoint)


Subscription.publish = _publish

_original_send_to_targets = Rule.send_to_targets


def _send_to_targets(self, original_event, transform_input=True):
    if self.state != "ENABLED":
        return
    scheduled = original_event.get("detail-type") == "Scheduled Event" and original_event.get("source") == "aws.events"
    if self.scheduled_expression:
        # A schedule fires only its own rule: the event names it, as AWS's Scheduled Events do.
        if not scheduled or self.arn not in (original_event.get("resources") or []):
            return
    elif scheduled or not self.event_pattern.matches_event(original_event):
        return
    others = []
    for target in self.targets:
        arn = target["Arn"]
        if ":events:" in arn and ":event-bus/" in arn:
            # Another bus (another account's): EventBridge needs the rule's role for it, and the
            # receiving bus's policy must admit the sender; the event keeps its `account`.
            parts = arn.split(":")
            bus_account, bus_region, bus_name = parts[4], parts[3], arn.split("event-bus/", 1)[1]
            if bus_account != self.account_id and not target.get("RoleArn"):
                _refused("events", arn, self.arn, "a rule sending to another account's bus needs a RoleArn")
                continue
            try:
                bus = events_backends[bus_account][bus_region].describe_event_bus(bus_name)
            except Exception:
                _refused("events", arn, self.arn, f"no event bus {arn}")
                continue
            sender = original_event.get("account") or self.account_id
            if not _bus_admits(bus, bus_account, sender):
                _refused("events", arn, self.arn, f"the policy of {arn} does not let account {sender} put events")
                continue
            _deliver_to_bus(bus_account, bus_region, bus_name, original_event)
            continue
        if ":sqs:" in arn and "InputTransformer" not in target and "Input" not in target:
            # moto ignores a target's InputPath, and without one sends its own rendering of the event
            # (without `account`); EventBridge sends the whole event, or the part InputPath selects.
            selected = original_event
            for part in target.get("InputPath", "$").lstrip("$").strip(".").split("."):
                if part:
                    selected = (selected or {}).get(part)
            from moto.sqs import sqs_backends
            sqs_backends[self.account_id][self.region_name].send_message(
                queue_name=arn.split(":")[5],
                message_body=json.dumps(selected),
                group_id=target.get("SqsParameters", {}).get("MessageGroupId"),
            )
            continue
        if ":lambda:" not in arn:
            others.append(target)
            continue
        fn = _resolve(self.account_id, arn)
        if not _allows(fn, arn, "events.amazonaws.com", self.arn):
            _refused("events", arn, self.arn,
                     "the function's resource policy does not let events.amazonaws.com invoke " + arn
                     + " for " + self.arn)
            continue
        payload = json.loads(target["Input"]) if "Input" in target else original_event
        _run(fn, payload, "Event", {"source": "events", "sourceArn": self.arn}, invoked_arn=arn)
    if others:
        targets, self.targets = self.targets, others
        try:
            _original_send_to_targets(self, original_event, transform_input)
        finally:
            self.targets = targets


Rule.send_to_targets = _send_to_targets


# --- CloudFormation -----------------------------------------------------------------------------

class CfnLambdaAlias(CloudFormationModel):
    """AWS::Lambda::Alias (moto has aliases, but not as a CloudFormation resource)."""

    __module__ = "moto.awslambda.models"  # moto's model registry keys models by their service module

    def __init__(self, alias, function_name, account_id, region):
        self.alias = alias
        self.function_name = function_name
        self.account_id = account_id
        self.region = region

    @staticmethod
    def cloudformation_type():
        return "AWS::Lambda::Alias"

    @staticmethod
    def cloudformation_name_type():
        return "Name"

    @property
    def physical_resource_id(self):
        return self.alias.arn

    @classmethod
    def has_cfn_attr(cls, attr):
        return attr in ("AliasArn",)

    def get_cfn_attribute(self, attribute_name):
        return self.alias.arn

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        p = cloudformation_json["Properties"]
        backend = lambda_backends[account_id][region_name]
        name = p["FunctionName"].split(":")[6] if p["FunctionName"].startswith("arn:") else p["FunctionName"]
        alias = backend.create_alias(
            name=p["Name"], function_name=name, function_version=str(p["FunctionVersion"]),
            description=p.get("Description", ""), routing_config=None,
        )
        return cls(alias, name, account_id, region_name)

    @classmethod
    def update_from_cloudformation_json(cls, original_resource, new_resource_name, cloudformation_json,
                                        account_id, region_name):
        p = cloudformation_json["Properties"]
        backend = lambda_backends[account_id][region_name]
        alias = backend.update_alias(
            name=p["Name"], function_name=original_resource.function_name,
            function_version=str(p["FunctionVersion"]), description=p.get("Description", ""),
            routing_config=None,
        )
        return cls(alias, original_resource.function_name, account_id, region_name)

    @classmethod
    def delete_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name):
        # resource_name is the physical id: the alias ARN, arn:aws:lambda:<region>:<account>:function:<name>:<alias>
        parts = resource_name.split(":")
        try:
            lambda_backends[account_id][region_name].delete_alias(parts[7], parts[6])
        except UnknownFunctionException:
            pass  # moto deletes in no particular order: the function went first, and its aliases with it


class CfnLambdaUrl(CloudFormationModel):
    """AWS::Lambda::Url (moto has function URL configs, but not as a CloudFormation resource; nothing serves the URL)."""

    __module__ = "moto.awslambda.models"

    def __init__(self, url_config, function_name):
        self.url_config = url_config
        self.function_name = function_name

    @staticmethod
    def cloudformation_type():
        return "AWS::Lambda::Url"

    @staticmethod
    def cloudformation_name_type():
        return None

    @property
    def physical_resource_id(self):
        return self.url_config.function.function_arn

    @classmethod
    def has_cfn_attr(cls, attr):
        return attr in ("FunctionUrl", "FunctionArn")

    def get_cfn_attribute(self, attribute_name):
        if attribute_name == "FunctionArn":
            return self.url_config.function.function_arn
        return self.url_config.url + "/"

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        p = cloudformation_json["Properties"]
        target = p["TargetFunctionArn"]
        name = target.split(":")[6] if target.startswith("arn:") else target
        config = {"AuthType": p.get("AuthType", "NONE"), "InvokeMode": p.get("InvokeMode", "BUFFERED")}
        if "Cors" in p:
            config["Cors"] = p["Cors"]
        url = lambda_backends[account_id][region_name].create_function_url_config(name, config)
        return cls(url, name)

    @classmethod
    def delete_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name):
        try:
            lambda_backends[account_id][region_name].delete_function_url_config(resource_name)
        except Exception:
            pass  # the function went first, and its URL with it


class CfnSnsSubscription(CloudFormationModel):
    """AWS::SNS::Subscription with its attributes (filter policy and scope, raw delivery, redrive); moto skips the type."""

    __module__ = "moto.sns.models"

    def __init__(self, arn):
        self.arn = arn

    @staticmethod
    def cloudformation_type():
        return "AWS::SNS::Subscription"

    @staticmethod
    def cloudformation_name_type():
        return ""

    @property
    def physical_resource_id(self):
        return self.arn

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        p = cloudformation_json["Properties"]
        topic_arn = p["TopicArn"]
        backend = sns_backends[account_id][topic_arn.split(":")[3]]
        subscription = backend.subscribe(topic_arn, p["Endpoint"], p["Protocol"])
        for name in ("FilterPolicy", "FilterPolicyScope", "RawMessageDelivery", "RedrivePolicy", "DeliveryPolicy"):
            if name in p:
                value = p[name]
                value = json.dumps(value) if isinstance(value, (dict, list)) else str(value).lower() if isinstance(value, bool) else value
                backend.set_subscription_attributes(subscription.arn, name, value)
        return cls(subscription.arn)

    @classmethod
    def delete_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name):
        sns_backends[account_id][resource_name.split(":")[3]].unsubscribe(resource_name)


class CfnSqsQueuePolicy(CloudFormationModel):
    """AWS::SQS::QueuePolicy: the policy set on each queue (moto skips the type)."""

    __module__ = "moto.sqs.models"

    def __init__(self, queues):
        self.queues = queues

    @staticmethod
    def cloudformation_type():
        return "AWS::SQS::QueuePolicy"

    @staticmethod
    def cloudformation_name_type():
        return ""

    @property
    def physical_resource_id(self):
        return ",".join(self.queues)

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        p = cloudformation_json["Properties"]
        backend = sqs_backends[account_id][region_name]
        for url in p["Queues"]:
            backend.set_queue_attributes(url.rstrip("/").split("/")[-1], {"Policy": json.dumps(p["PolicyDocument"])})
        return cls(p["Queues"])

    @classmethod
    def delete_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name):
        pass  # the queues go with the stack


class CfnIamRolePolicy(CloudFormationModel):
    """AWS::IAM::RolePolicy: an inline policy of a role (moto skips the type)."""

    __module__ = "moto.iam.models"

    def __init__(self, role_name, policy_name):
        self.role_name = role_name
        self.policy_name = policy_name

    @staticmethod
    def cloudformation_type():
        return "AWS::IAM::RolePolicy"

    @staticmethod
    def cloudformation_name_type():
        return ""

    @property
    def physical_resource_id(self):
        return f"{self.role_name}|{self.policy_name}"

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        p = cloudformation_json["Properties"]
        iam_backends[account_id]["aws"].put_role_policy(p["RoleName"], p["PolicyName"], json.dumps(p["PolicyDocument"]))
        return cls(p["RoleName"], p["PolicyName"])

    @classmethod
    def delete_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name):
        role_name, policy_name = resource_name.split("|", 1)
        try:
            iam_backends[account_id]["aws"].delete_role_policy(role_name, policy_name)
        except Exception:
            pass  # the role went first


_original_version_create = LambdaVersion.create_from_cloudformation_json.__func__


def _version_create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    version = _original_version_create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)
    fn = lambda_backends[account_id][region_name].get_function(
        cloudformation_json["Properties"]["FunctionName"], str(version.version)
    )
    version.arn = fn.function_arn
    return version


LambdaVersion.create_from_cloudformation_json = classmethod(_version_create)
LambdaVersion.physical_resource_id = property(lambda self: getattr(self, "arn", str(self.version)))
LambdaVersion.has_cfn_attr = classmethod(lambda cls, attr: attr in ("Version", "FunctionArn"))
LambdaVersion.get_cfn_attribute = (
    lambda self, attr: str(self.version) if attr == "Version" else getattr(self, "arn", None)
)

def _permission_create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    """AWS::Lambda::Permission on the function, version or alias its FunctionName names (moto drops the qualifier)."""
    properties = dict(cloudformation_json["Properties"])
    backend = lambda_backends[account_id][region_name]
    name = properties["FunctionName"]
    fn = backend.get_function(name)
    unqualified = fn.function_arn.rsplit(":", 1)[0] if str(fn.version) != "$LATEST" else fn.function_arn
    qualifier = name.split(":")[7] if name.startswith("arn:") and len(name.split(":")) == 8 else None
    properties["Resource"] = f"{unqualified}:{qualifier}" if qualifier else unqualified
    fn.policy.add_statement(raw=json.dumps(properties))
    return LambdaPermission(region=region_name)


LambdaPermission.create_from_cloudformation_json = classmethod(_permission_create)

# moto answers custom resources on this host; its default (host.docker.internal) is for Docker.
settings.moto_server_host = lambda: "http://127.0.0.1"
custom_model.settings = settings

# Answers by RequestId, and the physical id each custom resource answered its Create with.
_answers = {}
_answers_lock = threading.Condition()


def _record_answer(stack_id, logical_id, request_id, answer):
    with _answers_lock:
        _answers[request_id] = answer
        _answers_lock.notify_all()


def _wait_answer(request_id, timeout):
    deadline = time.time() + timeout
    with _answers_lock:
        while request_id not in _answers:
            left = deadline - time.time()
            if left <= 0:
                return None
            _answers_lock.wait(left)
        return _answers.pop(request_id)


def _process_cfn_response(self):
    answer = json.loads(self.body) if self.body else {}
    # The answer comes unsigned: the stack is found by its id (which names its account), not by caller.
    stack = _stack_by_id(answer.get("StackId") or "")
    resource = stack.custom_resources.get(answer.get("LogicalResourceId"))
    if resource is None:
        return 404, {"status": 404}, json.dumps({"error": "no such custom resource"})
    request_id = answer.get("RequestId")
    if request_id == resource.request_id:  # the answer to its Create
        resource.answer = answer
        if answer.get("Status") == "SUCCESS":
            resource.answered_physical_id = answer.get("PhysicalResourceId") or resource.resource_name
            resource.set_data(answer.get("Data") or {})
            stack.verify_readiness()
        else:
            resource.answered_physical_id = answer.get("PhysicalResourceId")
            threading.Thread(target=_roll_back, args=(stack, resource, answer), daemon=True).start()
    else:
        _record_answer(stack.stack_id, resource.logical_id, request_id, answer)
    return 200, {"status": 200}, ""


CloudFormationResponse.process_cfn_response = _process_cfn_response


def _send_request(stack, resource, request_type, properties=None, old_properties=None):
    """Sends a custom resource its Update/Delete request and waits for the answer at the ResponseURL."""
    fn = lambda_backends[stack.account_id][stack.region_name].get_function(resource.service_token)
    request_id = str(uuid.uuid4())
    host = f"{settings.moto_server_host()}:{settings.moto_server_port()}"
    event = {
        "RequestType": request_type,
        "ServiceToken": resource.service_token,
        "ResponseURL": f"{host}/cloudformation_{stack.region_name}/cfnresponse?stack={stack.stack_id}",
        "StackId": stack.stack_id,
        "RequestId": request_id,
        "LogicalResourceId": resource.logical_id,
        "PhysicalResourceId": getattr(resource, "answered_physical_id", None) or resource.resource_name,
        "ResourceType": resource.resource_type,
        "ResourceProperties": properties if properties is not None else resource.properties,
    }
    if old_properties is not None:
        event["OldResourceProperties"] = old_properties
    _run(fn, event, "Event", {"source": "cloudformation", "sourceArn": stack.stack_id})
    answer = _wait_answer(request_id, int(fn.timeout) + 60)
    if answer is None:
        return {"Status": "FAILED", "Reason": f"no answer to the {request_type} request within the function's timeout"}
    return answer


class CustomResourceUpdateFailed(Exception):
    pass


def _custom_update(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name):
    """A stack update that changes a custom resource's properties sends it Update (moto sends nothing)."""
    stack = next(
        s for s in cloudformation_backends[account_id][region_name].stacks.values()
        if s.custom_resources.get(original_resource.logical_id) is original_resource
    )
    properties = cloudformation_json["Properties"]
    if properties == original_resource.properties:
        return original_resource
    answer = _send_request(stack, original_resource, "Update", properties, original_resource.properties)
    if answer.get("Status") != "SUCCESS":
        raise CustomResourceUpdateFailed(answer.get("Reason") or "the custom resource answered FAILED")
    original_resource.properties = properties
    original_resource.service_token = properties["ServiceToken"]
    original_resource.answered_physical_id = answer.get("PhysicalResourceId") or original_resource.answered_physical_id
    original_resource.set_data(answer.get("Data") or {})
    return original_resource


custom_model.CustomModel.update_from_cloudformation_json = classmethod(_custom_update)

_original_stack_update = Stack.update


def _stack_update(self, *args, **kwargs):
    try:
        _original_stack_update(self, *args, **kwargs)
    except CustomResourceUpdateFailed as failure:
        # CloudFormation rolls the update back; moto cannot, so the stack says it failed and why.
        self.status = "UPDATE_ROLLBACK_COMPLETE"
        self._add_stack_event("UPDATE_FAILED", resource_status_reason=str(failure))
        self._add_stack_event("UPDATE_ROLLBACK_COMPLETE")


Stack.update = _stack_update


def _roll_back(stack, resource, answer):
    stack._add_stack_event("CREATE_FAILED", resource_status_reason=answer.get("Reason"))
    stack.status = "ROLLBACK_IN_PROGRESS"
    result = _send_request(stack, resource, "Delete")
    if result.get("Status") != "SUCCESS":
        stack.status = "ROLLBACK_FAILED"
        stack._add_stack_event("ROLLBACK_FAILED", resource_status_reason=result.get("Reason"))
        return
    resource.deleted = True
    stack.resource_map.delete()
    # moto would build a deleted resource again the next time it is described (its map is lazy).
    stack.resource_map._resource_json_map = {}
    stack.output_map = OutputMap(stack.resource_map, {}, stack.stack_id)
    stack.status = "ROLLBACK_COMPLETE"
    stack._add_stack_event("ROLLBACK_COMPLETE")
    _fail_parent(stack, answer.get("Reason"))


_original_custom_create = custom_model.CustomModel.create_from_cloudformation_json.__func__


def _custom_create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    resource = _original_custom_create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)
    resource.service_token = cloudformation_json["Properties"]["ServiceToken"]
    resource.properties = cloudformation_json["Properties"]
    resource.resource_type = kwargs["ResourceType"]
    return resource


custom_model.CustomModel.create_from_cloudformation_json = classmethod(_custom_create)

_original_delete_stack = CloudFormationBackend.delete_stack


def _delete_stack(self, name_or_stack_id):
    """CloudFormation sends every custom resource its Delete first; a FAILED answer stops the deletion."""
    stacks = [s for s in self.stacks.values() if name_or_stack_id in (s.stack_id, s.name)]
    for stack in stacks:
        for resource in list(stack.custom_resources.values()):
            if getattr(resource, "deleted", False) or not getattr(resource, "answered_physical_id", None):
                continue
            stack._add_stack_event("DELETE_IN_PROGRESS", resource_status_reason="User Initiated")
            stack.status = "DELETE_IN_PROGRESS"
            answer = _send_request(stack, resource, "Delete")
            if answer.get("Status") != "SUCCESS":
                stack.status = "DELETE_FAILED"
                stack._add_stack_event("DELETE_FAILED", resource_status_reason=answer.get("Reason"))
                return
            resource.deleted = True
    try:
        _original_delete_stack(self, name_or_stack_id)
    except Exception:
        traceback.print_exc()  # moto turns its own exceptions into a JSON error a CloudFormation client cannot read
        raise


CloudFormationBackend.delete_stack = _delete_stack


# AWS::SSM::Parameter takes its Tags as a map (the one resource type that does); moto expects a list.
_original_ssm_create = SsmParameter.create_from_cloudformation_json.__func__


def _ssm_create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    tags = cloudformation_json.get("Properties", {}).get("Tags")
    if isinstance(tags, dict):
        cloudformation_json["Properties"]["Tags"] = [{"Key": k, "Value": v} for k, v in tags.items()]
    return _original_ssm_create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)


SsmParameter.create_from_cloudformation_json = classmethod(_ssm_create)

_original_ssm_delete = SsmParameter.delete_from_cloudformation_json.__func__


def _ssm_delete(cls, resource_name, cloudformation_json, account_id, region_name):
    # CloudFormation takes a resource already gone as deleted; moto fails the whole stack deletion.
    try:
        _original_ssm_delete(cls, resource_name, cloudformation_json, account_id, region_name)
    except ParameterNotFound:
        pass


SsmParameter.delete_from_cloudformation_json = classmethod(_ssm_delete)


# A queue's URL names the endpoint that serves it: in the emulated account, this one (moto writes the
# AWS host into the URLs of queues a stack creates, and the SDK sends to the host a queue URL names).
SqsQueue.physical_resource_id = property(
    lambda self: f"http://127.0.0.1:{settings.moto_server_port()}/{self.account_id}/{self.name}"
)


# moto reads the Invoke API's qualifier as `qualifier`; the SDK sends `Qualifier` (so moto always ran
# $LATEST, never the version an alias names).
_original_invoke_response = LambdaResponse.invoke


def _invoke_response(self):
    if "Qualifier" in self.querystring and "qualifier" not in self.querystring:
        self.querystring["qualifier"] = self.querystring["Qualifier"]
    return _original_invoke_response(self)


LambdaResponse.invoke = _invoke_response


# A SecureString read without decryption is ciphertext on AWS; moto returns "kms:<key>:<plaintext>".
# Opaque here too (base64 of what moto stores), so a reader that forgets WithDecryption sees no secret.
_original_ssm_response = SsmParameter.response_object


def _ssm_response(self, decrypt=False, region=None):
    response = _original_ssm_response(self, decrypt, region)
    if self.parameter_type == "SecureString" and not decrypt:
        response["Value"] = base64.b64encode(hashlib.sha256(self.value.encode("utf-8")).digest() * 2).decode("ascii")
    return response


SsmParameter.response_object = _ssm_response


# --- What a fresh account answers ---------------------------------------------------------------
#
# Reads a scan makes that moto does not serve, or serves unlike AWS; answered here as AWS does in an
# account where nothing was set up (the emulated account runs no SSM agent and enables no service).


def _describe_vpc_block_public_access_options(self):
    """EC2: VPC Block Public Access never set in the region: `off`, `default-state` (moto lacks the API)."""
    self.error_on_dryrun()
    return ActionResult(
        {
            "VpcBlockPublicAccessOptions": {
                "AwsAccountId": self.current_account,
                "AwsRegion": self.region,
                "State": "default-state",
                "InternetGatewayBlockMode": "off",
                "ManagedBy": "account",
                "ExclusionsAllowed": "allowed",
            }
        }
    )


EC2Response.describe_vpc_block_public_access_options = _describe_vpc_block_public_access_options

# SSM (moto lacks these three): no instance runs the SSM agent, so none is managed and none has
# compliance data; the service settings a scan reads are at their defaults (Automation logs its
# scripts nowhere; documents may be shared publicly).
_SERVICE_SETTING_DEFAULTS = {
    "/ssm/automation/customer-script-log-destination": "None",
    "/ssm/documents/console/public-sharing-permission": "Enable",
}


def _describe_instance_information(self):
    return ActionResult({"InstanceInformationList": []})


def _list_resource_compliance_summaries(self):
    return ActionResult({"ResourceComplianceSummaryItems": []})


def _get_service_setting(self):
    asked = self._get_param("SettingId") or ""
    setting_id = next((k for k in _SERVICE_SETTING_DEFAULTS if asked.endswith(k)), None)
    if setting_id is None:
        raise SsmValidationException(f"The emulated account answers only {sorted(_SERVICE_SETTING_DEFAULTS)}, not {asked}.")
    return ActionResult(
        {
            "ServiceSetting": {
                "SettingId": setting_id,
                "SettingValue": _SERVICE_SETTING_DEFAULTS[setting_id],
                "LastModifiedDate": "2020-01-01T00:00:00Z",
                "LastModifiedUser": "System",
                "ARN": f"arn:aws:ssm:{self.region}:{self.current_account}:servicesetting{setting_id}",
                "Status": "Default",
            }
        }
    )


SimpleSystemManagerResponse.describe_instance_information = _describe_instance_information
SimpleSystemManagerResponse.list_resource_compliance_summaries = _list_resource_compliance_summaries
SimpleSystemManagerResponse.get_service_setting = _get_service_setting

# Inspector: AWS reports the caller's own account (every scan type DISABLED until enabled); moto
# reports only accounts that were enabled or disabled once.
_original_batch_get_account_status = Inspector2Backend.batch_get_account_status


def _batch_get_account_status(self, account_ids):
    found = _original_batch_get_account_status(self, account_ids)
    if self.account_id in account_ids and self.account_id not in self.account_status:
        found.append(AccountStatus(self.account_id).to_batch_json())
    return found


Inspector2Backend.batch_get_account_status = _batch_get_account_status

# IAM: AWS's credential report always starts with the root user's row (`<root_account>`); moto's
# has IAM users only. The root user here: no password use recorded, no MFA, no access keys.
_original_get_credential_report = IAMBackend.get_credential_report


def _get_credential_report(self):
    report = _original_get_credential_report(self)
    header, _, users = report.partition("\n")
    # user, arn, created; password (enabled, last used, changed, next rotation); MFA; two access
    # keys (active, rotated, last used date, region, service); two certificates (active, rotated).
    no_key = "false,N/A,N/A,N/A,N/A"
    root = (
        f"<root_account>,arn:aws:iam::{self.account_id}:root,2020-01-01T00:00:00+00:00,"
        f"not_supported,no_information,not_supported,not_supported,false,{no_key},{no_key},false,N/A,false,N/A"
    )
    return f"{header}\n{root}\n{users}"


IAMBackend.get_credential_report = _get_credential_report

# Macie: off in a fresh account, as on AWS (moto starts every account with a session ENABLED), where
# `GetMacieSession` answers `AccessDeniedException: Macie is not enabled.`; and moto writes the
# session's dates without a time zone, which AWS never does (the SDK refuses them).
_original_macie_init = MacieBackend.__init__


def _macie_init(self, region_name, account_id):
    _original_macie_init(self, region_name, account_id)
    self.macie_session = None


MacieBackend.__init__ = _macie_init

_original_get_macie_session = MacieBackend.get_macie_session


def _get_macie_session(self):
    if not self.macie_session:
        raise MacieAccessDeniedException("Macie is not enabled.")
    session = dict(_original_get_macie_session(self))
    for key in ("createdAt", "updatedAt"):
        value = session.get(key)
        if isinstance(value, str) and not re.search(r"(Z|[+-]\d\d:\d\d)$", value):
            session[key] = value + "Z"
    return session


MacieBackend.get_macie_session = _get_macie_session


# Several accounts in one moto: an access key `ASIA<account id>EMUL` (or AKIA…) acts in that account
# (the Lambda runner gives each function its account's key; tests build clients per account). moto
# itself maps keys to accounts only for IAM users it created; it reads `x-moto-account-id` first.
_ACCOUNT_KEY = re.compile(r"Credential=A[SK]IA(\d{12})EMUL/")



# --- Organizations: several accounts, nested stacks, StackSets, cross-account EventBridge ---------
#
# moto serves Organizations and keeps StackSets as records, but a service-managed StackSet deploys
# nothing anyone can see (its "hidden" stacks are in no account), auto-deployment is not
# implemented, a nested stack is named by its logical id and its parent does not wait for it, and an event sent
# to another account's bus arrives as if put there (its `account` replaced), whatever that bus's
# policy says. What follows plays CloudFormation's and EventBridge's part for Vigil's organization
# install; see testkit's README.


def _stack_by_id(stack_id):
    """A stack by its ARN, in whichever account and region the ARN names."""
    parts = stack_id.split(":")
    if len(parts) < 6:
        raise ValueError(f"not a stack id: {stack_id}")
    return cloudformation_backends[parts[4]][parts[3]].get_stack(stack_id)


from moto.cloudformation import utils as _cfn_utils  # noqa: E402
from moto.events.models import EventBusPolicyStatement, events_backends  # noqa: E402
from moto.organizations.models import OrganizationsBackend, organizations_backends  # noqa: E402

def _get_template(template_url, account_id, partition):
    # moto's S3 finds a bucket of another account by its (global) name; it checks no bucket policy.
    return _cfn_utils.get_stack_from_s3_url(template_url, account_id, partition)


def _nested_create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    """AWS::CloudFormation::Stack named as AWS names it (<parent>-<logical id>-<suffix>), linked to
    its parent, which is complete only once the nested stack is (moto: named by the logical id, and
    the parent did not wait)."""
    backend = cloudformation_backends[account_id][region_name]
    parent = backend.get_stack(kwargs["StackId"]) if kwargs.get("StackId") else None
    logical = kwargs.get("LogicalId") or resource_name
    name = f"{parent.name}-{logical}-{uuid.uuid4().hex[:12].upper()}" if parent else resource_name
    properties = cloudformation_json["Properties"]
    template = _get_template(properties["TemplateURL"], account_id, "aws")
    parameters = {k: ("" if v is None else str(v)) for k, v in (properties.get("Parameters") or {}).items()}
    nested = backend.create_stack(name=name, template=template, parameters=parameters)
    nested.parent_stack = parent
    return nested


Stack.create_from_cloudformation_json = classmethod(_nested_create)
Stack.is_created = lambda self: self.status in ("CREATE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE")

_original_mark_complete = Stack.mark_creation_complete


def _mark_complete(self):
    if self.status != "CREATE_IN_PROGRESS":
        return
    _original_mark_complete(self)
    parent = getattr(self, "parent_stack", None)
    if parent is not None:
        parent.verify_readiness()


Stack.mark_creation_complete = _mark_complete

_original_verify = Stack.verify_readiness


def _verify(self):
    if self.status == "CREATE_IN_PROGRESS":
        _original_verify(self)


Stack.verify_readiness = _verify


def _fail_parent(stack, reason):
    """A nested stack that failed fails its parent, which rolls back too (and so on upwards)."""
    parent = getattr(stack, "parent_stack", None)
    if parent is None or parent.status != "CREATE_IN_PROGRESS":
        return
    parent._add_stack_event(
        "CREATE_FAILED", resource_status_reason=f"Embedded stack {stack.stack_id} was not successfully created: {reason}"
    )
    parent.status = "ROLLBACK_IN_PROGRESS"
    try:
        parent.resource_map.delete()
    except Exception:
        traceback.print_exc()
    parent.resource_map._resource_json_map = {}
    parent.output_map = OutputMap(parent.resource_map, {}, parent.stack_id)
    parent.status = "ROLLBACK_COMPLETE"
    parent._add_stack_event("ROLLBACK_COMPLETE")
    _fail_parent(parent, reason)


# StackSets. Service-managed, with auto-deployment: instances are ordinary stacks in the target
# accounts (visible there, as on AWS), created and deleted by one worker thread in order, as
# StackSet operations run (CloudFormation's part; the API call that caused them returns at once).
_stack_sets = {}
_stack_set_lock = threading.RLock()
_operations = []
_operations_cv = threading.Condition()
_operations_running = [0]


def _enqueue(operation):
    with _operations_cv:
        _operations.append(operation)
        _operations_cv.notify_all()


def _operation_worker():
    while True:
        with _operations_cv:
            while not _operations:
                _operations_cv.wait()
            operation = _operations.pop(0)
            _operations_running[0] += 1
        try:
            operation()
        except Exception:
            traceback.print_exc()
        finally:
            with _operations_cv:
                _operations_running[0] -= 1
                _operations_cv.notify_all()


threading.Thread(target=_operation_worker, daemon=True).start()


def _organization_of(admin_account):
    backend = organizations_backends[admin_account]["aws"]
    return backend if backend.org is not None else None


def _target_accounts(record):
    """Accounts below a target OU (the root id: every account), never the management account."""
    org = _organization_of(record["admin"])
    if org is None:
        return []
    targets = set(record["ous"])
    parents = {ou.id: ou.parent_id for ou in org.ou}
    found = []
    for account in org.accounts:
        if account.id == org.org.master_account_id or getattr(account, "status", "ACTIVE") != "ACTIVE":
            continue
        parent, seen = account.parent_id, set()
        while parent and parent not in seen:
            seen.add(parent)
            parent = parents.get(parent)
        if seen & targets:
            found.append(account.id)
    return found


def _deploy_instance(record, account, region):
    with _stack_set_lock:
        if (account, region) in record["instances"] or record["deleted"]:
            return
        record["instances"][(account, region)] = {"stackId": None, "status": "CREATING"}
    backend = cloudformation_backends[account][region]
    name = f"StackSet-{record['name']}-{uuid.uuid4()}"
    try:
        stack = backend.create_stack(
            name=name,
            template=record["template"],
            parameters=dict(record["parameters"]),
            tags=dict(record["tags"]),
        )
        with _stack_set_lock:
            record["instances"][(account, region)] = {"stackId": stack.stack_id, "status": "CURRENT"}
    except Exception as error:
        traceback.print_exc()
        with _stack_set_lock:
            record["instances"][(account, region)] = {"stackId": None, "status": "FAILED", "reason": str(error)}


def _delete_instance(record, account, region):
    with _stack_set_lock:
        instance = record["instances"].get((account, region))
    if instance is None:
        return
    if instance.get("stackId"):
        cloudformation_backends[account][region].delete_stack(instance["stackId"])
        stack = cloudformation_backends[account][region].get_stack(instance["stackId"])
        if stack.status != "DELETE_COMPLETE":
            with _stack_set_lock:
                instance["status"] = "DELETE_FAILED"
            return
    with _stack_set_lock:
        record["instances"].pop((account, region), None)
        record["removed"].append({"account": account, "region": region, "stackId": instance.get("stackId")})


def _reconcile(record):
    """Auto-deployment: deploy to targets without an instance, delete instances of accounts gone."""
    wanted = {(a, r) for a in _target_accounts(record) for r in record["regions"]}
    with _stack_set_lock:
        have = set(record["instances"].keys())
    for account, region in sorted(wanted - have):
        _enqueue(lambda a=account, r=region: _deploy_instance(record, a, r))
    if not record["retain"]:
        for account, region in sorted(have - wanted):
            _enqueue(lambda a=account, r=region: _delete_instance(record, a, r))


class CfnStackSet(CloudFormationModel):
    """AWS::CloudFormation::StackSet, service-managed (moto skips the type)."""

    __module__ = "moto.cloudformation.models"

    def __init__(self, record):
        self.record = record

    @staticmethod
    def cloudformation_type():
        return "AWS::CloudFormation::StackSet"

    @staticmethod
    def cloudformation_name_type():
        return "StackSetName"

    @property
    def physical_resource_id(self):
        return self.record["id"]

    @classmethod
    def has_cfn_attr(cls, attr):
        return attr in ("StackSetId",)

    def get_cfn_attribute(self, attribute_name):
        return self.record["id"]

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        p = cloudformation_json["Properties"]
        template = p.get("TemplateBody") or _get_template(p["TemplateURL"], account_id, "aws")
        auto = p.get("AutoDeployment") or {}
        ous, regions = [], []
        for group in p.get("StackInstancesGroup") or []:
            ous += (group.get("DeploymentTargets") or {}).get("OrganizationalUnitIds") or []
            regions += group.get("Regions") or []
        name = p.get("StackSetName") or resource_name
        record = {
            "id": f"{name}:{uuid.uuid4()}",
            "name": name,
            "admin": account_id,
            "region": region_name,
            "template": template,
            "parameters": {x["ParameterKey"]: str(x.get("ParameterValue", "")) for x in p.get("Parameters") or []},
            "tags": {t["Key"]: t["Value"] for t in p.get("Tags") or []},
            "permissionModel": p.get("PermissionModel", "SELF_MANAGED"),
            "auto": str(auto.get("Enabled", False)).lower() == "true",
            "retain": str(auto.get("RetainStacksOnAccountRemoval", False)).lower() == "true",
            "ous": ous,
            "regions": regions,
            "instances": {},
            "removed": [],
            "deleted": False,
        }
        if record["permissionModel"] != "SERVICE_MANAGED":
            raise ValueError("the emulated account deploys service-managed StackSets only")
        with _stack_set_lock:
            _stack_sets[record["id"]] = record
        _reconcile(record)
        return cls(record)

    @classmethod
    def update_from_cloudformation_json(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name):
        p = cloudformation_json["Properties"]
        record = original_resource.record
        record["template"] = p.get("TemplateBody") or _get_template(p["TemplateURL"], account_id, "aws")
        record["parameters"] = {x["ParameterKey"]: str(x.get("ParameterValue", "")) for x in p.get("Parameters") or []}
        auto = p.get("AutoDeployment") or {}
        record["auto"] = str(auto.get("Enabled", False)).lower() == "true"
        record["retain"] = str(auto.get("RetainStacksOnAccountRemoval", False)).lower() == "true"
        ous, regions = [], []
        for group in p.get("StackInstancesGroup") or []:
            ous += (group.get("DeploymentTargets") or {}).get("OrganizationalUnitIds") or []
            regions += group.get("Regions") or []
        # New targets get instances, accounts no longer targeted lose theirs (unless retained);
        # instances that stay are updated in place.
        existing = set(record["instances"].keys())
        record["ous"], record["regions"] = ous, regions

        def update_all():
            for (account, region), instance in list(record["instances"].items()):
                if (account, region) in existing and instance.get("stackId"):
                    cloudformation_backends[account][region].update_stack(
                        name=instance["stackId"], template=record["template"], role_arn=None,
                        parameters=[{"ParameterKey": k, "ParameterValue": v} for k, v in record["parameters"].items()],
                        tags=dict(record["tags"]),
                    )

        _enqueue(update_all)
        _reconcile(record)
        return original_resource

    @classmethod
    def delete_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name):
        with _stack_set_lock:
            record = _stack_sets.get(resource_name)
        if record is None:
            return
        # Deleting the StackSet deletes its instances first (CloudFormation waits for them).
        done = threading.Event()
        for account, region in list(record["instances"].keys()):
            _enqueue(lambda a=account, r=region: _delete_instance(record, a, r))
        _enqueue(done.set)
        done.wait(900)
        record["deleted"] = True


def _after_organization_change(name):
    original = getattr(OrganizationsBackend, name)

    def changed(self, *args, **kwargs):
        result = original(self, *args, **kwargs)
        with _stack_set_lock:
            records = [r for r in _stack_sets.values() if r["admin"] == self.account_id and r["auto"] and not r["deleted"]]
        for record in records:
            _reconcile(record)
        return result

    setattr(OrganizationsBackend, name, changed)


for _name in ("create_account", "move_account", "remove_account_from_organization", "close_account"):
    _after_organization_change(_name)


def _stack_sets_state():
    """What the StackSets look like now, and whether operations are still running (for tests)."""
    with _stack_set_lock:
        sets = [
            {
                "id": r["id"],
                "name": r["name"],
                "admin": r["admin"],
                "deleted": r["deleted"],
                "instances": [
                    {"account": a, "region": g, **i} for (a, g), i in sorted(r["instances"].items())
                ],
                "removed": list(r["removed"]),
            }
            for r in _stack_sets.values()
        ]
    with _operations_cv:
        pending = len(_operations) + _operations_running[0]
    return {"stackSets": sets, "pendingOperations": pending}


# EventBridge across accounts: a bus policy, and the delivery to another account's bus.

class CfnEventBusPolicy(CloudFormationModel):
    """AWS::Events::EventBusPolicy (moto skips the type)."""

    __module__ = "moto.events.models"

    def __init__(self, account_id, region, bus_name, sid):
        self.account_id = account_id
        self.region = region
        self.bus_name = bus_name
        self.sid = sid

    @staticmethod
    def cloudformation_type():
        return "AWS::Events::EventBusPolicy"

    @staticmethod
    def cloudformation_name_type():
        return ""

    @property
    def physical_resource_id(self):
        return f"{self.bus_name}|{self.sid}"

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        p = cloudformation_json["Properties"]
        bus_name = p.get("EventBusName") or "default"
        sid = p["StatementId"]
        statement = dict(p.get("Statement") or {})
        statement.setdefault("Resource", f"arn:aws:events:{region_name}:{account_id}:event-bus/{bus_name}")
        statement["Sid"] = sid
        bus = events_backends[account_id][region_name].describe_event_bus(bus_name)
        bus._statements[sid] = EventBusPolicyStatement.from_dict(statement)
        return cls(account_id, region_name, bus_name, sid)

    @classmethod
    def delete_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name):
        bus_name, sid = resource_name.split("|", 1)
        try:
            events_backends[account_id][region_name].describe_event_bus(bus_name)._statements.pop(sid, None)
        except Exception:
            pass  # the bus went first


def _organization_id_of(account_id):
    if account_id in organizations_backends.master_accounts:
        master, partition = organizations_backends.master_accounts[account_id]
        org = organizations_backends[master][partition].org
        return org.id if org else None
    org = organizations_backends[account_id]["aws"].org
    return org.id if org else None


def _bus_admits(bus, bus_account, sender_account):
    """Does the bus's resource policy let `sender_account` put events on it?"""
    if sender_account == bus_account:
        return True
    for statement in bus._statements.values():
        d = statement.describe()
        if d.get("Effect", "Allow") != "Allow":
            continue
        actions = d.get("Action")
        actions = actions if isinstance(actions, list) else [actions]
        if not any(a in ("events:PutEvents", "events:*") for a in actions):
            continue
        principal = d.get("Principal")
        aws = principal.get("AWS") if isinstance(principal, dict) else principal
        aws = aws if isinstance(aws, list) else [aws]
        if not any(p in ("*", sender_account, f"arn:aws:iam::{sender_account}:root") for p in aws):
            continue
        org_condition = ((d.get("Condition") or {}).get("StringEquals") or {}).get("aws:PrincipalOrgID")
        if org_condition is not None and org_condition != _organization_id_of(sender_account):
            continue
        return True
    return False


def _deliver_to_bus(account, region, bus_name, event):
    """What arrives on another account's bus: the event as sent, its `account` the sender's."""
    bus = events_backends[account][region].describe_event_bus(bus_name)
    for rule in list(bus.rules.values()):
        rule.send_to_targets(json.loads(json.dumps(event)))



# --- SQS → Lambda event source mappings, batched as Lambda's poller does ---------------------------
#
# moto delivers inline, one invocation per message, from inside SendMessage (every send receives
# the queue's visible messages again), and ignores a partial batch response. Lambda polls: up to
# BatchSize messages per invocation after a short batching window, and with ReportBatchItemFailures
# deletes the records the function handled and leaves the others for another try (and the queue's
# redrive). The launcher polls that way, on a thread per mapping, and reports its pending work so
# the runner's settle() waits for it.

_pending_work = [0]
_pending_lock = threading.Lock()
_polls = set()


def _work(delta):
    with _pending_lock:
        _pending_work[0] += delta


def _pending():
    with _pending_lock:
        work = _pending_work[0]
    with _operations_cv:
        return work + len(_operations) + _operations_running[0]


def _function_of(account_id, region, arn):
    parts = arn.split(":")
    if len(parts) >= 7:
        return _resolve(account_id, arn)
    return lambda_backends[account_id][region].get_function(arn)


def _deliver_batch(queue, function_arn, messages):
    """One invocation for the batch; the ids of the records that failed (all of them on an error)."""
    fn = _function_of(queue.account_id, queue.region, function_arn)
    event = {
        "Records": [
            {
                "messageId": m.id,
                "receiptHandle": m.receipt_handle,
                "body": m.body,
                "attributes": {
                    "ApproximateReceiveCount": str(getattr(m, "approximate_receive_count", 1)),
                    "SentTimestamp": str(getattr(m, "sent_timestamp", 0)),
                },
                "messageAttributes": {},
                "md5OfBody": hashlib.md5(m.body.encode("utf-8")).hexdigest(),
                "eventSource": "aws:sqs",
                "eventSourceARN": queue.queue_arn,
                "awsRegion": queue.region,
            }
            for m in messages
        ]
    }
    result, errored = _run(fn, event, "RequestResponse", {"source": "sqs", "sourceArn": queue.queue_arn},
                           invoked_arn=function_arn if function_arn.startswith("arn:") else None)
    if errored:
        return {m.id for m in messages}
    try:
        answer = json.loads(result) if result else {}
    except ValueError:
        return {m.id for m in messages}
    failures = (answer or {}).get("batchItemFailures") or [] if isinstance(answer, dict) else []
    return {f.get("itemIdentifier") for f in failures}


def _schedule_poll(queue, function_arn, esm, delay=0.05):
    key = (queue.queue_arn, function_arn)
    with _pending_lock:
        if key in _polls:
            return
        _polls.add(key)
        _pending_work[0] += 1

    def poll():
        retry = False
        try:
            time.sleep(delay)  # the batching window
            with _pending_lock:
                _polls.discard(key)  # what arrives from now on schedules another poll
            backend = sqs_backends[queue.account_id][queue.region]
            while True:
                messages = backend.receive_message(queue.name, int(esm.batch_size or 10), 0, queue.visibility_timeout)
                if not messages:
                    return
                failed = _deliver_batch(queue, function_arn, messages)
                for m in messages:
                    if m.id in failed:
                        backend.change_message_visibility(queue.name, m.receipt_handle, visibility_timeout=0)
                    else:
                        backend.delete_message(queue.name, m.receipt_handle)
                if failed:
                    retry = True  # tried again after a pause (the queue's redrive counts the receives)
                    return
        except Exception:
            traceback.print_exc()
        finally:
            _work(-1)
            if retry:
                _schedule_poll(queue, function_arn, esm, delay=1.0)

    threading.Thread(target=poll, daemon=True).start()


def _add_message(self, message):
    if self.fifo_queue and (self.attributes.get("ContentBasedDeduplication") == "true" or message.deduplication_id):
        for m in self._messages:
            if m.deduplication_id == message.deduplication_id:
                if (message.sent_timestamp - m.sent_timestamp) / 1000 < 300:
                    return
    with self._messages_lock:
        self._messages.append(message)
        self._messages_lock.notify_all()
    for arn, esm in self.lambda_event_source_mappings.items():
        if esm.enabled:
            _schedule_poll(self, arn, esm)


SqsQueue.add_message = _add_message


_NO_DIRECTORY_BUCKETS = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<ListAllMyDirectoryBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
    "<Buckets></Buckets></ListAllMyDirectoryBucketsResult>"
)


def _unserved_answer(environ):
    """
    Services moto has no backend for, as a fresh account answers them: IAM Access Analyzer (no
    analyzer) and S3 Express One Zone's control plane (no directory bucket; S3's API signed as
    `s3express`, which moto would take for ListBuckets). `(body, content type)` or None.
    """
    auth = environ.get("HTTP_AUTHORIZATION", "")
    service = auth.split("/")[3] if auth.count("/") >= 3 else ""
    method, path = environ.get("REQUEST_METHOD"), environ.get("PATH_INFO")
    if service == "access-analyzer" and method == "GET" and path == "/analyzer":
        return json.dumps({"analyzers": []}), "application/json"
    if service == "s3express" and method == "GET" and path == "/" and "x-id=ListDirectoryBuckets" in environ.get("QUERY_STRING", ""):
        return _NO_DIRECTORY_BUCKETS, "application/xml"
    return None


def _logging(app):
    """moto answers an exception with a bare 500 page: print the traceback where tests can read it."""

    trace = os.environ.get("VIGIL_MOTO_TRACE") == "1"

    def wrapped(environ, start_response):
        if environ.get("PATH_INFO") == "/vigil-emulated/pending":
            body = json.dumps({"pending": _pending()}).encode("utf-8")
            start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
            return [body]
        if environ.get("PATH_INFO") == "/vigil-emulated/stack-sets":
            body = json.dumps(_stack_sets_state()).encode("utf-8")
            start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
            return [body]
        answer = _unserved_answer(environ)
        if answer is not None:
            text, content_type = answer
            body = text.encode("utf-8")
            start_response("200 OK", [("Content-Type", content_type), ("Content-Length", str(len(body)))])
            return [body]
        account = _ACCOUNT_KEY.search(environ.get("HTTP_AUTHORIZATION", ""))
        if account:
            environ["HTTP_X_MOTO_ACCOUNT_ID"] = account.group(1)
        if trace:
            length = int(environ.get("CONTENT_LENGTH") or 0)
            body = environ["wsgi.input"].read(length) if length else b""
            environ["wsgi.input"] = io.BytesIO(body)
            action = environ.get("HTTP_X_AMZ_TARGET") or ""
            if not action and b"Action=" in body:
                action = body.split(b"Action=")[1].split(b"&")[0].decode("utf-8", "replace")
            auth = environ.get("HTTP_AUTHORIZATION", "")
            service = auth.split("/")[3] if auth.count("/") >= 3 else "?"
            sys.stderr.write(f"TRACE {time.time():.3f} {service} {action or environ.get('PATH_INFO')}\n")
        try:
            return app(environ, start_response)
        except Exception:
            traceback.print_exc()
            raise

    return wrapped


def main():
    app = _logging(DomainDispatcherApplication(create_backend_app))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    port = server.server_address[1]
    os.environ["MOTO_PORT"] = str(port)
    sys.stdout.write(json.dumps({"port": port}) + "\n")
    sys.stdout.flush()
    server.serve_forever()


if __name__ == "__main__":
    main()
