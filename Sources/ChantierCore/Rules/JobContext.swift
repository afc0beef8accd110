/// Facts about the job and the papers on file that some rules depend on.
public struct JobContext: Hashable, Sendable {
    public var employerCategory: EmployerCategory?
    /// Workers paid during the period, the child included (Québec family-business and farm exceptions).
    public var workersOnPayroll: Int?
    /// The child is the child of the employer, a director or partner, or their spouse.
    public var childOfEmployer: Bool
    /// France: the business sector, for the night and public-holiday derogations.
    public var sector: String?
    public var task: Task?
    public var adultSupervision: Bool
    public var guardianConsent: GuardianConsent?
    /// France: the labour inspector's authorization for a 14–15-year-old in the holidays.
    public var labourInspectorAuthorization: Bool
    /// Québec s. 84.7: minutes from the site to the family residence.
    public var travelMinutesToResidence: Int

    public init(
        employerCategory: EmployerCategory? = nil,
        workersOnPayroll: Int? = nil,
        childOfEmployer: Bool = false,
        sector: String? = nil,
        task: Task? = nil,
        adultSupervision: Bool = false,
        guardianConsent: GuardianConsent? = nil,
        labourInspectorAuthorization: Bool = false,
        travelMinutesToResidence: Int = 0
    ) {
        self.employerCategory = employerCategory
        self.workersOnPayroll = workersOnPayroll
        self.childOfEmployer = childOfEmployer
        self.sector = sector
        self.task = task
        self.adultSupervision = adultSupervision
        self.guardianConsent = guardianConsent
        self.labourInspectorAuthorization = labourInspectorAuthorization
        self.travelMinutesToResidence = travelMinutesToResidence
    }

    public struct Task: Hashable, Sendable {
        public var kind: String
        public var equipment: Set<Equipment>

        public init(kind: String, equipment: Set<Equipment> = []) {
            self.kind = kind
            self.equipment = equipment
        }
    }

    /// A guardian's written consent (Québec: the CNESST form for an under-14; France: the parent's
    /// agreement) and what it covers.
    public struct GuardianConsent: Hashable, Sendable {
        public var onFile: Bool
        public var maxMinutesPerWeek: Int?
        /// The tasks the form lists; `nil` when it lists none (no task restriction is checked).
        public var tasks: Set<String>?
        /// The periods of availability the form states; `nil` when it states none.
        public var availability: [AvailabilityWindow]?

        public init(
            onFile: Bool,
            maxMinutesPerWeek: Int? = nil,
            tasks: Set<String>? = nil,
            availability: [AvailabilityWindow]? = nil
        ) {
            self.onFile = onFile
            self.maxMinutesPerWeek = maxMinutesPerWeek
            self.tasks = tasks
            self.availability = availability
        }
    }

    /// A weekly window, `[start, end)` on `weekday`.
    public typealias AvailabilityWindow = WeeklyWindow
}

/// The employer's category, which decides Québec's exceptions for under-14s.
public enum EmployerCategory: String, Hashable, Sendable, Codable, CaseIterable {
    case npoSocialCommunity = "npo_social_community"
    case forProfit = "for_profit"
    case familyBusiness = "family_business"
    case agricultural
    case publicAgency = "public_agency"
    case artistic
    case newspaperDelivery = "newspaper_delivery"
    case babysitting
    case tutoring
    case sportsNPO = "sports_npo"
}

/// Equipment the rule packs know; other equipment is kept but decides nothing.
public enum Equipment: String, Hashable, Sendable, Codable, CaseIterable {
    case powerMower = "power_mower"
    case powerTrimmer = "power_trimmer"
    case chainSaw = "chain_saw"
    case woodChipper = "wood_chipper"
    case circularSaw = "circular_saw"
    case motorVehicle = "motor_vehicle"
}
